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

    /// <summary>The tenant of a slug, or null; the request's database context is resolved only on a cache miss.</summary>
    public async Task<TenantInfo?> FindBySlugAsync(IServiceProvider services, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (cache.TryGetValue(("tenant-slug", slug), out TenantInfo? known))
        {
            return known;
        }

        return await cache.GetOrCreateAsync(("tenant-slug", slug), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheLifetime;
            var tenant = await services.GetRequiredService<RtesDbContext>().Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
            return tenant is null ? null : TenantInfo.From(tenant);
        });
    }

    public void Forget(string slug) => cache.Remove(("tenant-slug", slug));
}
