using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// The public directory of members, as the directory page and the API read it: active tenants
/// only (a suspended tenant is not public), filtered by a <see cref="DirectoryFilter"/>, ordered,
/// paged.
/// </summary>
public sealed class PublicTenantQueries(RtesDbContext db)
{
    /// <summary>A page of the directory, the number of matching members and when the directory last changed.</summary>
    public sealed record Page(IReadOnlyList<Tenant> Items, int Total, DateTimeOffset? LastModified);

    public async Task<Page> ListAsync(DirectoryFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var lastModified = await query
            .Select(t => (DateTimeOffset?)(t.PublishedAt != null && t.PublishedAt > t.CreatedAt ? t.PublishedAt : t.CreatedAt))
            .MaxAsync(cancellationToken);
        var items = await Ordered(query, filter.Sort)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page(items, total, lastModified);
    }

    private IQueryable<Tenant> Filtered(DirectoryFilter filter)
    {
        var query = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        if (filter.Kind is { } k)
        {
            query = query.Where(t => t.Kind == k);
        }

        if (!string.IsNullOrEmpty(filter.RegionCode))
        {
            query = query.Where(t => t.RegionCode == filter.RegionCode);
        }

        if (filter.MembershipYear is { } year)
        {
            query = query.Where(t => t.MembershipYear == year);
        }

        if (!string.IsNullOrEmpty(filter.ThemeCode))
        {
            // Published versions of live tenants are public: read across tenants on purpose.
            var versions = db.FicheVersions.IgnoreQueryFilters([RtesDbContext.TenantFilter]);
            var theme = filter.ThemeCode;
            query = query.Where(t => versions.Any(v => v.TenantId == t.Id && v.Number == t.PublishedVersion && v.ThemeCodes.Contains(theme)));
        }

        if (!string.IsNullOrWhiteSpace(filter.NameContains))
        {
            var pattern = "%" + EscapeLike(filter.NameContains.Trim()) + "%";
            // Case and accents ignored: "reims" finds "Grand Reims", "metropole" finds "Métropole".
            query = query.Where(t => EF.Functions.ILike(EF.Functions.Unaccent(t.Name), EF.Functions.Unaccent(pattern)));
        }

        return query;
    }

    private static IQueryable<Tenant> Ordered(IQueryable<Tenant> query, DirectorySort sort) => sort switch
    {
        DirectorySort.PopulationDescending => query.OrderByDescending(t => t.Population).ThenBy(t => t.Name).ThenBy(t => t.Id),
        DirectorySort.MembershipYear => query.OrderBy(t => t.MembershipYear == null).ThenBy(t => t.MembershipYear).ThenBy(t => t.Name).ThenBy(t => t.Id),
        DirectorySort.LastPublished => query.OrderBy(t => t.PublishedAt == null).ThenByDescending(t => t.PublishedAt).ThenBy(t => t.Name).ThenBy(t => t.Id),
        _ => query.OrderBy(t => t.Name).ThenBy(t => t.Id),
    };

    /// <summary>An active tenant by id (the one tenant resolution found), or null.</summary>
    public Task<Tenant?> FindAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId && t.Status == TenantStatus.Active, cancellationToken);

    /// <summary>When a tenant's public record last changed: its creation or its last publication.</summary>
    public static DateTimeOffset LastModified(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.PublishedAt is { } published && published > tenant.CreatedAt ? published : tenant.CreatedAt;
    }

    internal static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}
