namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>
/// One indicator compared across a peer group (public values only): each member's latest value in
/// the window, ranked, the distribution of the values shown, the members without a value.
/// </summary>
public sealed record ApiComparison(
    ApiIndicator Indicator,
    int Year,
    ApiWindow Window,
    ApiYearSpan? YearsShown,
    bool PerCapita,
    ApiPeerGroup Group,
    ApiDistribution? Distribution,
    IReadOnlyList<ApiRankedValue> Items,
    IReadOnlyList<ApiMissingMember> Missing,
    int MissingCount,
    ApiRankedValue? Focus,
    int Page,
    int PageSize,
    int TotalItems,
    int TotalPages,
    IReadOnlyList<ApiYear> Years);
