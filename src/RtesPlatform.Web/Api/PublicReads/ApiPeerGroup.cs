namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>
/// The peer group compared (after widening, for <c>similar</c>), the group asked, the focus
/// member, the group in French, why it was chosen, and the widening steps tried.
/// </summary>
public sealed record ApiPeerGroup(
    string Group,
    string? Kind,
    string? RegionCode,
    string? Band,
    IReadOnlyList<string> Members,
    string Asked,
    string? Focus,
    string Label,
    string Explanation,
    IReadOnlyList<ApiGroupStep> Widening);
