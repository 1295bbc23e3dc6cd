namespace RtesPlatform.Core.Tenancy;

/// <summary>
/// The tenant of the current unit of work (an HTTP request, a job, a command), set once by tenant
/// resolution. Scoped: one per request or per job scope. While its scope lives, it is also the
/// ambient tenant of the code that set it (<see cref="Ambient"/>): a background job created there
/// carries that tenant (<see cref="Features.Jobs.TenantJobFilter"/>).
/// </summary>
public sealed class TenantContext : IDisposable
{
    private static readonly AsyncLocal<TenantContext?> _ambient = new();

    private bool _ended;

    /// <summary>The tenant context set on this asynchronous flow, if its scope has not ended.</summary>
    internal static TenantContext? Ambient => _ambient.Value is { _ended: false, Tenant: not null } context ? context : null;

    public TenantInfo? Tenant { get; private set; }

    /// <summary>
    /// Whether the database session must carry the tenant (<c>app.tenant_id</c>) so that row-level
    /// security lets tenant-private rows through. Public pages read only published data, which the
    /// policies let anyone read, and skip that extra round trip.
    /// </summary>
    public bool RequiresDatabaseScope { get; private set; }

    public Guid? TenantId => Tenant?.Id;

    /// <summary>Public read of one tenant's published data: no database session scope.</summary>
    public void UseForPublicRead(TenantInfo tenant) => Set(tenant, requiresDatabaseScope: false);

    /// <summary>Access to one tenant's private data (back office, jobs, imports).</summary>
    public void UseForTenantAccess(TenantInfo tenant) => Set(tenant, requiresDatabaseScope: true);

    private void Set(TenantInfo tenant, bool requiresDatabaseScope)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException(
                $"The tenant of this unit of work is already {Tenant.Slug}; it cannot switch to {tenant.Slug}.");
        }

        Tenant = tenant;
        RequiresDatabaseScope |= requiresDatabaseScope;
        _ambient.Value = this;
    }

    /// <summary>The scope ended: this context is no longer anyone's ambient tenant.</summary>
    public void Dispose() => _ended = true;
}
