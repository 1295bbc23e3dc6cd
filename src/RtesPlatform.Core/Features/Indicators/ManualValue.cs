namespace RtesPlatform.Core.Features.Indicators;

/// <summary>A value typed in the back office, already parsed; <see cref="Visibility"/> null = the indicator's default.</summary>
public sealed record ManualValue(
    string IndicatorCode, int Year, decimal Value, string SourceTitle, Uri? SourceUrl, ValueVisibility? Visibility);

/// <summary>Why a value or an indicator was refused: the field it concerns (a property name) and a French message.</summary>
public sealed record IndicatorProblem(string Field, string Message);
