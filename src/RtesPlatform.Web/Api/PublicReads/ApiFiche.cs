using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A published version of a fiche: its sections as structured JSON (contacts: only those who consented).</summary>
public sealed record ApiFiche(
    string Tenant,
    string TenantName,
    int Version,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> Themes,
    FicheContent Content,
    ApiFicheLinks Links)
{
    public static ApiFiche From(Tenant tenant, FicheVersion version)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(version);
        var tenantLink = $"{ApiSetup.Prefix}/tenants/{tenant.Slug}";
        return new(
            tenant.Slug, tenant.Name, version.Number, version.PublishedAt, version.ThemeCodes, version.Content,
            new ApiFicheLinks($"{tenantLink}/fiche/versions/{version.Number}", tenantLink, $"/collectivites/{tenant.Slug}"));
    }
}
