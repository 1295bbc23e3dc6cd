namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// How many members of the filter have a value of an indicator within the default window ending
/// at <see cref="EndYear"/>, the most recent year of that indicator (null: no value at all).
/// </summary>
public sealed record CoverageCount(string IndicatorCode, int? EndYear, int Members)
{
    public int? FirstYear => EndYear - ComparisonWindow.DefaultYears + 1;
}
