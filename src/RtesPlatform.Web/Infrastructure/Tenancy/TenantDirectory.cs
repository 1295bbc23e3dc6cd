using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Tenancy;

/// <summary>
/// Finds tenants by slug for tenant resolution, with a short cache: a suspension or a new slug
/// reaches every instance within <see cref="CacheLifetime"/> (documented in docs/architecture.md).
/// </summary>
public sealed class TenantDirectory(IMemoryCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    public async Task<TenantInfo?> FindBySlugAsync(RtesDbContext db, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await cache.GetOrCreateAsync(("tenant-slug", slug), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheLifetime;
            var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            return tenant is null ? null : TenantInfo.From(tenant);
        });
    }

    public void Forget(string slug) => cache.Remove(("tenant-slug", slug));
}
