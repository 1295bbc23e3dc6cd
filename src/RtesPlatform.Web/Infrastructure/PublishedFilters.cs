using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// The filters of the public lists over published fiches (<c>/actions</c>, <c>/recherche</c>):
/// the themes, and only the kinds and régions that have a published fiche — any other choice
/// could find nothing.
/// </summary>
public sealed record PublishedFilters(
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<(string Code, string Label)> Kinds,
    IReadOnlyList<(string Code, string Label)> Regions)
{
    public static async Task<PublishedFilters> LoadAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var published = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active && t.PublishedVersion != null);
        var kinds = await published.Select(t => t.Kind).Distinct().ToListAsync(cancellationToken);
        var regions = await published
            .Where(t => t.RegionCode != null && t.RegionName != null)
            .Select(t => new { t.RegionCode, t.RegionName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return new(
            themes,
            [.. kinds.Order().Select(k => (TenantKindLabels.Code(k), TenantKindLabels.French(k)))],
            [.. regions
                .OrderBy(r => r.RegionName, StringComparer.Create(WebSetup.French, false))
                .Select(r => (r.RegionCode!, r.RegionName!))]);
    }
}

/// <summary>Pagination of the public lists.</summary>
public static class PageLinks
{
    /// <summary>
    /// Page numbers to link, null for a gap: the first, the last and two around the current one, so
    /// that thousands of results do not print thousands of links.
    /// </summary>
    public static IReadOnlyList<int?> Around(int current, int pageCount)
    {
        var links = new List<int?>();
        for (var p = 1; p <= pageCount; p++)
        {
            if (p == 1 || p == pageCount || Math.Abs(p - current) <= 2)
            {
                links.Add(p);
            }
            else if (links[^1] is not null)
            {
                links.Add(null);
            }
        }

        return links;
    }
}
