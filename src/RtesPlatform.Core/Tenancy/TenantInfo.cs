using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Tenancy;

/// <summary>What tenant resolution keeps of a tenant for the rest of the request.</summary>
public sealed record TenantInfo(Guid Id, string Slug, string Name, TenantStatus Status)
{
    public static TenantInfo From(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return new(tenant.Id, tenant.Slug, tenant.Name, tenant.Status);
    }
}
