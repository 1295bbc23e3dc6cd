namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// What the members' directory is filtered by, on the page (<c>/collectivites</c>) and in the API
/// (<c>/api/v1/tenants</c>) alike: kind, région, membership year, a theme of the published fiche,
/// part of the name (case and accents ignored).
/// </summary>
public sealed record DirectoryFilter(
    TenantKind? Kind = null,
    string? RegionCode = null,
    int? MembershipYear = null,
    string? ThemeCode = null,
    string? NameContains = null,
    DirectorySort Sort = DirectorySort.Name);
