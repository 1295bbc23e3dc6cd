using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// The public values of one indicator, as the open data publishes them: visibility public and
/// active members only, whoever asks (a signed-in member's session would let network values
/// through row-level security; this query never does).
/// </summary>
public sealed class PublicIndicatorValues(RtesDbContext db)
{
    /// <summary>One public value with its member.</summary>
    public sealed record Row(
        string Slug, string Name, TenantKind Kind, string? RegionCode, int? Population,
        int Year, decimal Value, string? SourceTitle, string? SourceUrl, ValueOrigin Origin, DateTimeOffset UpdatedAt,
        bool IsFictitious);

    public sealed record Page(IReadOnlyList<Row> Items, int Total, DateTimeOffset? LastModified);

    public async Task<Page> ListAsync(
        string indicatorCode, int? year, TenantKind? kind, string? regionCode, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var values = db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.IndicatorCode == indicatorCode && v.Visibility == ValueVisibility.Public);
        if (year is { } y)
        {
            values = values.Where(v => v.Year == y);
        }

        var query = values.Join(
            db.Tenants.AsNoTracking().Where(t => t.Status == TenantStatus.Active),
            v => v.TenantId, t => t.Id, (v, t) => new { v, t });
        if (kind is { } k)
        {
            query = query.Where(x => x.t.Kind == k);
        }

        if (!string.IsNullOrEmpty(regionCode))
        {
            query = query.Where(x => x.t.RegionCode == regionCode);
        }

        var total = await query.CountAsync(cancellationToken);
        var lastModified = await query.Select(x => (DateTimeOffset?)x.v.UpdatedAt).MaxAsync(cancellationToken);
        var items = await query
            .OrderBy(x => x.t.Name).ThenBy(x => x.t.Id).ThenBy(x => x.v.Year)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new Row(
                x.t.Slug, x.t.Name, x.t.Kind, x.t.RegionCode, x.t.Population,
                x.v.Year, x.v.Value, x.v.SourceTitle, x.v.SourceUrl,
                x.t.Origin == TenantOrigin.Synthetic ? ValueOrigin.Synthetic : x.v.Origin, x.v.UpdatedAt,
                x.t.Origin == TenantOrigin.Synthetic))
            .ToListAsync(cancellationToken);
        return new Page(items, total, lastModified);
    }

    /// <summary>When the public values of an indicator and year last changed (null: none).</summary>
    public Task<DateTimeOffset?> LastChangedAsync(string indicatorCode, int year, CancellationToken cancellationToken) =>
        db.IndicatorValues.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.IndicatorCode == indicatorCode && v.Year == year && v.Visibility == ValueVisibility.Public)
            .Select(v => (DateTimeOffset?)v.UpdatedAt)
            .MaxAsync(cancellationToken);

    /// <summary>When the public distributions of an indicator and year were last recomputed (null: never).</summary>
    public Task<DateTimeOffset?> AggregatesRefreshedAsync(string indicatorCode, int year, CancellationToken cancellationToken) =>
        db.IndicatorAggregates.AsNoTracking()
            .Where(a => a.IndicatorCode == indicatorCode && a.Year == year && a.Audience == Audiences.Public)
            .Select(a => (DateTimeOffset?)a.RefreshedAt)
            .MaxAsync(cancellationToken);
}
