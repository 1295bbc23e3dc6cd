namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>One indicator and year compared across a peer group (public values only).</summary>
public sealed record ApiComparison(
    ApiIndicator Indicator,
    int Year,
    bool PerCapita,
    ApiPeerGroup Group,
    ApiDistribution? Distribution,
    IReadOnlyList<ApiRankedValue> Items,
    IReadOnlyList<ApiMissingMember> Missing,
    int Page,
    int PageSize,
    int TotalItems,
    int TotalPages,
    IReadOnlyList<ApiYear> Years);
