using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>
/// Published versions are immutable, so a version and its rendered Markdown are cached by
/// (tenant, number) for as long as they are read: the public fiche page then costs one indexed
/// read of the tenant row. A publication moves <c>tenants.published_version</c>, which is read on
/// every request, so the public sees a new version at once.
/// </summary>
public sealed class PublishedFicheCache(IMemoryCache cache)
{
    private static readonly TimeSpan _sliding = TimeSpan.FromHours(1);

    public async Task<RenderedFiche?> GetAsync(RtesDbContext db, Guid tenantId, int number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await cache.GetOrCreateAsync(("published-fiche", tenantId, number), async entry =>
        {
            var version = await db.FicheVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.TenantId == tenantId && v.Number == number, cancellationToken);
            entry.SlidingExpiration = version is null ? TimeSpan.FromSeconds(5) : _sliding;
            return version is null ? null : RenderedFiche.From(version);
        });
    }

    public async Task<IReadOnlyDictionary<string, string>> ThemeLabelsAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await cache.GetOrCreateAsync("theme-labels", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return (IReadOnlyDictionary<string, string>)await db.Themes.AsNoTracking()
                .ToDictionaryAsync(t => t.Code, t => t.LabelFr, cancellationToken);
        }))!;
    }
}
