using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Network;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages;

/// <summary>Home: key figures of the network and the ways in.</summary>
public sealed class IndexModel(RtesDbContext db, IMemoryCache cache) : PageModel
{
    public NetworkFigures Figures { get; private set; } = new(0, 0, 0, 0, null);
    public IReadOnlyList<ThemeCount> Themes { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name, DateTimeOffset PublishedAt)> RecentlyUpdated { get; private set; } = [];

    public sealed record NetworkFigures(int Members, int PublishedFiches, long PopulationCovered, int Actions, int? PopulationVintage);

    public sealed record ThemeCount(string Code, string Label, int Members);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var active = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        var members = await active.CountAsync(cancellationToken);
        var published = await active.CountAsync(t => t.PublishedVersion != null, cancellationToken);
        // The union of covered communes is the one costly query here: recomputed once a minute.
        var population = await cache.GetOrCreateAsync("network-covered-population", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return NetworkCoverage.CoveredPopulationAsync(db, cancellationToken);
        });
        var vintage = await active.MaxAsync(t => t.PopulationVintage, cancellationToken);

        // Published versions of live tenants are public (the RLS policy lets them through without a tenant).
        var actions = await db.Database.SqlQuery<int>($"""
            SELECT coalesce(sum(jsonb_array_length(v.content -> 'actions')), 0)::int AS "Value"
            FROM fiche_versions v JOIN tenants t ON t.id = v.tenant_id AND t.published_version = v.number
            WHERE t.status = 'active'
            """).SingleAsync(cancellationToken);
        Figures = new NetworkFigures(members, published, population, actions, vintage);

        Themes = await db.Database.SqlQuery<ThemeCount>($"""
            SELECT th.code AS code, th.label_fr AS label, count(t.id)::int AS members
            FROM themes th
            LEFT JOIN fiche_versions v ON th.code = ANY (v.theme_codes)
            LEFT JOIN tenants t ON t.id = v.tenant_id AND t.published_version = v.number AND t.status = 'active'
            GROUP BY th.code, th.label_fr, th.sort_order
            ORDER BY th.sort_order
            """).ToListAsync(cancellationToken);

        var recent = await active
            .Where(t => t.PublishedAt != null)
            .OrderByDescending(t => t.PublishedAt)
            .Take(5)
            .Select(t => new { t.Slug, t.Name, PublishedAt = t.PublishedAt!.Value })
            .ToListAsync(cancellationToken);
        RecentlyUpdated = [.. recent.Select(r => (r.Slug, r.Name, r.PublishedAt))];
    }
}
