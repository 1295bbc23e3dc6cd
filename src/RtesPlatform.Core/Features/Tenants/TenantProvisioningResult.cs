namespace RtesPlatform.Core.Features.Tenants;

public sealed record TenantProvisioningResult(Tenant? Tenant, bool WasCreated, string? Error)
{
    public static TenantProvisioningResult Created(Tenant tenant) => new(tenant, true, null);

    public static TenantProvisioningResult Existing(Tenant tenant) => new(tenant, false, null);

    public static TenantProvisioningResult Fail(string error) => new(null, false, error);
}
