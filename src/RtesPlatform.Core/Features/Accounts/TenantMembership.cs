using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// A user's role in one tenant's team. Tenant-owned (query filter, save guard, row-level security);
/// the database also lets a user read their own memberships across tenants (<c>app.user_id</c>).
/// </summary>
public sealed class TenantMembership : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    /// <summary><see cref="TenantRole.Admin"/> or <see cref="TenantRole.Editor"/>.</summary>
    public string Role { get; set; } = TenantRole.Editor;

    public DateTimeOffset CreatedAt { get; set; }
}
