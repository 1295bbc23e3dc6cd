namespace RtesPlatform.Core.Features.Search;

/// <summary>
/// One result: a published fiche (<see cref="DocumentKind"/> "fiche", titled with the collectivity's
/// name) or one of its actions ("action"). <see cref="Extract"/> is plain text in which
/// <see cref="SearchExtract.StartMarker"/> and <see cref="SearchExtract.StopMarker"/> surround the
/// matched words: never render it as HTML, split it with <see cref="SearchExtract.Parse"/>.
/// </summary>
public sealed record SearchHit(
    string DocumentKind,
    int ActionIndex,
    string TenantSlug,
    string TenantName,
    string TenantKind,
    string? RegionName,
    string Title,
    string Extract)
{
    public const string Fiche = "fiche";
    public const string Action = "action";
}
