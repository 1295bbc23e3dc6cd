using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>A member of the network, as the public directory shows it.</summary>
public sealed record ApiTenant(
    string Slug,
    string Name,
    string Kind,
    string KindLabel,
    string? Siren,
    string? InseeCode,
    int? Population,
    int? PopulationVintage,
    string? RegionCode,
    string? RegionName,
    string? DepartementCode,
    string? DepartementName,
    string? Address,
    int? MembershipYear,
    int? PublishedVersion,
    DateTimeOffset? PublishedAt,
    ApiTenantLinks Links)
{
    public static ApiTenant From(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var self = $"{ApiSetup.Prefix}/tenants/{tenant.Slug}";
        return new(
            tenant.Slug, tenant.Name, TenantKindLabels.Code(tenant.Kind), TenantKindLabels.French(tenant.Kind),
            tenant.Siren?.Trim(), tenant.InseeCode?.Trim(), tenant.Population, tenant.PopulationVintage,
            tenant.RegionCode, tenant.RegionName, tenant.DepartementCode, tenant.DepartementName, tenant.Address,
            tenant.MembershipYear, tenant.PublishedVersion, tenant.PublishedAt,
            new ApiTenantLinks(self, tenant.PublishedVersion is null ? null : self + "/fiche", $"/collectivites/{tenant.Slug}"));
    }
}
