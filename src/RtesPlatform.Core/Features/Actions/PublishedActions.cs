using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Actions;

/// <summary>
/// The actions of every published fiche ("Qui fait quoi"), filtered and paginated in PostgreSQL:
/// a network of tens of thousands of tenants must not be loaded into memory to show 25 actions.
/// Published versions of live tenants are public, so this runs without a tenant (the RLS policy
/// of <c>fiche_versions</c> lets them through).
/// </summary>
public static class PublishedActions
{
    /// <summary>Counts the matching actions, then reads the requested page (clamped to the last one).</summary>
    public static async Task<ActionPage> SearchAsync(
        RtesDbContext db, ActionFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var theme = filter.ThemeCode;
        var kind = filter.Kind is { } k ? TenantKindLabels.Code(k) : null;
        var region = filter.RegionCode;

        // The null checks fold away when PostgreSQL plans with the actual values, so the theme
        // filter uses the GIN index on theme_codes before any JSON is unpacked.
        var totals = await db.Database.SqlQuery<Totals>($"""
            SELECT count(*)::int AS actions, count(DISTINCT t.id)::int AS collectivities
            FROM tenants t
            JOIN fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
            CROSS JOIN LATERAL jsonb_array_elements(
                CASE WHEN jsonb_typeof(v.content -> 'actions') = 'array' THEN v.content -> 'actions' END) AS a(action)
            WHERE t.status = 'active'
              AND ({kind}::text IS NULL OR t.kind = {kind}::text)
              AND ({region}::text IS NULL OR t.region_code = {region}::text)
              AND ({theme}::text IS NULL OR (v.theme_codes @> ARRAY[{theme}::text]
                   AND a.action -> 'themes' @> jsonb_build_array({theme}::text)))
            """).SingleAsync(cancellationToken);

        var pageCount = Math.Max(1, (totals.Actions + pageSize - 1) / pageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        if (totals.Actions == 0)
        {
            return new ActionPage([], 0, 0, pageNumber, pageCount);
        }

        var offset = (pageNumber - 1) * pageSize;
        var items = await db.Database.SqlQuery<PublishedAction>($"""
            SELECT coalesce(h.code, '') AS heading_theme_code,
                   t.slug AS tenant_slug, t.name AS tenant_name, t.kind AS tenant_kind, t.region_name AS region_name,
                   coalesce(a.action ->> 'title', '') AS title,
                   left(a.action ->> 'description', 1000) AS description,
                   ARRAY(SELECT e.code FROM jsonb_array_elements_text(
                       CASE WHEN jsonb_typeof(a.action -> 'themes') = 'array' THEN a.action -> 'themes' END) AS e(code)) AS themes,
                   CASE WHEN jsonb_typeof(a.action -> 'yearStart') = 'number' THEN (a.action ->> 'yearStart')::numeric::int END AS year_start,
                   CASE WHEN jsonb_typeof(a.action -> 'yearEnd') = 'number' THEN (a.action ->> 'yearEnd')::numeric::int END AS year_end,
                   a.position::int AS position, t.origin = 'synthetic' AS tenant_is_fictitious
            FROM tenants t
            JOIN fiche_versions v ON v.tenant_id = t.id AND v.number = t.published_version
            CROSS JOIN LATERAL jsonb_array_elements(
                CASE WHEN jsonb_typeof(v.content -> 'actions') = 'array' THEN v.content -> 'actions' END)
                WITH ORDINALITY AS a(action, position)
            LEFT JOIN LATERAL (
                SELECT th.code, th.sort_order
                FROM jsonb_array_elements_text(
                    CASE WHEN jsonb_typeof(a.action -> 'themes') = 'array' THEN a.action -> 'themes' END)
                    WITH ORDINALITY AS e(code, position)
                JOIN themes th ON th.code = e.code
                WHERE {theme}::text IS NULL OR th.code = {theme}::text
                ORDER BY e.position
                LIMIT 1) AS h ON true
            WHERE t.status = 'active'
              AND ({kind}::text IS NULL OR t.kind = {kind}::text)
              AND ({region}::text IS NULL OR t.region_code = {region}::text)
              AND ({theme}::text IS NULL OR (v.theme_codes @> ARRAY[{theme}::text]
                   AND a.action -> 'themes' @> jsonb_build_array({theme}::text)))
            ORDER BY h.sort_order NULLS LAST, t.name COLLATE "fr-x-icu", t.slug, a.position
            LIMIT {pageSize} OFFSET {offset}
            """).ToListAsync(cancellationToken);

        return new ActionPage(items, totals.Actions, totals.Collectivities, pageNumber, pageCount);
    }

    private sealed record Totals(int Actions, int Collectivities);
}
