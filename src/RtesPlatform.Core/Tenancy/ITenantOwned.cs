namespace RtesPlatform.Core.Tenancy;

/// <summary>
/// A row that belongs to one tenant. Every such table carries <c>tenant_id</c> in its primary key,
/// is scoped by the "Tenant" EF Core query filter, is guarded on save, and is protected by a
/// PostgreSQL row-level security policy.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
