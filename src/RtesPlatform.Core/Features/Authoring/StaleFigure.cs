namespace RtesPlatform.Core.Features.Authoring;

/// <summary>A figure of the draft whose year is more than two years before the current year.</summary>
public sealed record StaleFigure(FicheSection Section, string Label, int Year);
