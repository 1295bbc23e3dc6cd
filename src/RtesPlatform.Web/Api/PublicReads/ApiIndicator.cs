using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>An indicator of the network's catalogue.</summary>
public sealed record ApiIndicator(
    string Code,
    string LabelFr,
    string LabelEn,
    FigureUnit Unit,
    string Definition,
    IndicatorCategory Category,
    int? PerCapitaBase,
    string? DerivedFrom,
    DateTimeOffset UpdatedAt,
    ApiIndicatorLinks Links)
{
    public static ApiIndicator From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var self = $"{ApiSetup.Prefix}/indicators/{indicator.Code}";
        return new(
            indicator.Code, indicator.LabelFr, indicator.LabelEn, indicator.Unit, indicator.Definition, indicator.Category,
            indicator.PerCapitaBase, indicator.DerivedFrom, indicator.UpdatedAt,
            new ApiIndicatorLinks(self, self + "/values", $"{ApiSetup.Prefix}/comparisons/{indicator.Code}"));
    }
}
