using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>One member's ranked value, with its year, the population it was divided by (and that population's year), and its origin ("synthetic": fictitious demonstration figures).</summary>
public sealed record ApiRankedValue(
    int? Rank, ApiMember Tenant, int Year, decimal Value, double Metric, int? Population, int? PopulationVintage, ApiSource Source, string Origin)
{
    public static ApiRankedValue From(ComparisonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Rank, ApiMember.From(row.Member), row.Year, row.Value, row.Metric, row.Member.Population, row.Member.PopulationVintage,
            new ApiSource(row.SourceTitle, row.SourceUrl), ComparisonFormat.OriginCode(row.Origin));
    }
}
