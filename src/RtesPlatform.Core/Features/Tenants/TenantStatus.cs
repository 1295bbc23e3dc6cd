namespace RtesPlatform.Core.Features.Tenants;

public enum TenantStatus
{
    Active,
    Suspended,
}
