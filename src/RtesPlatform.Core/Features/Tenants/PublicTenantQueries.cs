using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// The public directory of members as the API reads it: active tenants only (a suspended tenant
/// is not public), filtered by kind, région and part of the name, ordered by name, paged.
/// </summary>
public sealed class PublicTenantQueries(RtesDbContext db)
{
    /// <summary>A page of the directory, the number of matching members and when the directory last changed.</summary>
    public sealed record Page(IReadOnlyList<Tenant> Items, int Total, DateTimeOffset? LastModified);

    public async Task<Page> ListAsync(
        TenantKind? kind, string? regionCode, string? nameContains, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active);
        if (kind is { } k)
        {
            query = query.Where(t => t.Kind == k);
        }

        if (!string.IsNullOrEmpty(regionCode))
        {
            query = query.Where(t => t.RegionCode == regionCode);
        }

        if (!string.IsNullOrWhiteSpace(nameContains))
        {
            var pattern = "%" + EscapeLike(nameContains.Trim()) + "%";
            // Case and accents ignored: "reims" finds "Grand Reims", "metropole" finds "Métropole".
            query = query.Where(t => EF.Functions.ILike(EF.Functions.Unaccent(t.Name), EF.Functions.Unaccent(pattern)));
        }

        var total = await query.CountAsync(cancellationToken);
        var lastModified = await query
            .Select(t => (DateTimeOffset?)(t.PublishedAt != null && t.PublishedAt > t.CreatedAt ? t.PublishedAt : t.CreatedAt))
            .MaxAsync(cancellationToken);
        var items = await query
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page(items, total, lastModified);
    }

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
