using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>
/// What the public fiche page shows, read at the cost of one indexed round trip per request.
/// Published versions are immutable, so a version and its rendered Markdown are cached by
/// (tenant, number) for as long as they are read. The tenant row is cached with its row version
/// (PostgreSQL's <c>xmin</c>, which every update of the row changes), and that row version is read
/// again on every request: a publication (it moves <c>tenants.published_version</c>), a new name
/// or a suspension is seen by the very next request, on every instance, with no invalidation.
/// </summary>
public sealed class PublishedFicheCache(IMemoryCache cache, NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan _sliding = TimeSpan.FromHours(1);

    /// <summary>
    /// The tenant as it is now and the version it publishes (null when it publishes none), or
    /// null when the tenant no longer exists. The database context is created only when the
    /// cached rows are out of date.
    /// </summary>
    public async Task<PublishedFiche?> GetPublishedAsync(Guid tenantId, Func<RtesDbContext> db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rowVersion = await RowVersionAsync(tenantId, cancellationToken);
        if (rowVersion is null)
        {
            return null;
        }

        var key = ("published-tenant", tenantId);
        if (cache.TryGetValue(key, out PublishedFiche? cached) && cached!.RowVersion == rowVersion)
        {
            return cached;
        }

        // Read after the row version: if the row changes in between, the entry holds the newer row
        // under the older version and the next request reads it again; never the reverse.
        var context = db();
        var tenant = await context.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
        if (tenant is null)
        {
            return null;
        }

        var rendered = tenant.PublishedVersion is { } number
            ? await GetAsync(context, tenantId, number, cancellationToken)
            : null;
        var fiche = new PublishedFiche(rowVersion.Value, tenant, rendered);
        cache.Set(key, fiche, new MemoryCacheEntryOptions { SlidingExpiration = _sliding });
        return fiche;
    }

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

    public Task<IReadOnlyDictionary<string, string>> ThemeLabelsAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ThemeLabelsAsync(() => db, cancellationToken);
    }

    /// <summary>Theme labels by code, kept five minutes; the context is created only to read them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ThemeLabelsAsync(Func<RtesDbContext> db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (await cache.GetOrCreateAsync("theme-labels", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return (IReadOnlyDictionary<string, string>)await db().Themes.AsNoTracking()
                .ToDictionaryAsync(t => t.Code, t => t.LabelFr, cancellationToken);
        }))!;
    }

    /// <summary>
    /// The row version of the tenant row, null when there is none: one primary-key lookup through
    /// the application's pool and role (the tenants table is public; no tenant scope is needed).
    /// </summary>
    private async Task<uint?> RowVersionAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT xmin FROM tenants WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteScalarAsync(cancellationToken) is uint version ? version : null;
    }
}

/// <summary>A tenant row at one row version, and the rendered version it publishes, if any.</summary>
public sealed record PublishedFiche(uint RowVersion, Tenant Tenant, RenderedFiche? Rendered);
