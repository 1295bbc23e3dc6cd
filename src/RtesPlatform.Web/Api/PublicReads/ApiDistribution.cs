using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>Median, quartiles and extremes of the compared metric (the value, or per capita).</summary>
public sealed record ApiDistribution(int Count, double Min, double Q1, double Median, double Q3, double Max, double? Total, long? Population)
{
    public static ApiDistribution? From(Distribution? distribution) => distribution is null
        ? null
        : new(distribution.Count, distribution.Min, distribution.Q1, distribution.Median, distribution.Q3, distribution.Max,
            distribution.Total, distribution.Population);
}
