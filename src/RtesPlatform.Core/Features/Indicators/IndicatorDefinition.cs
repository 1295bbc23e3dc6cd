using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>A catalogue entry as a network admin typed it, already parsed.</summary>
public sealed record IndicatorDefinition(
    string Code,
    string LabelFr,
    string LabelEn,
    FigureUnit Unit,
    string Definition,
    IndicatorCategory Category,
    int? PerCapitaBase,
    ValueVisibility DefaultVisibility,
    int? SortOrder);
