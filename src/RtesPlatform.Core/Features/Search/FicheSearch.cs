using System.Text;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Search;

/// <summary>
/// Full-text search over the published fiches and their actions (<c>search_documents</c>, kept up
/// to date by a trigger at each publication): French stemming, accents and case ignored, words
/// combined with AND (web-search syntax: "quoted phrase", or, -word). Results whose title holds
/// every word come first, then by <c>ts_rank</c>. Public data: runs without a tenant.
/// </summary>
public static class FicheSearch
{
    /// <summary>Longer searches are cut: a sentence is enough, and the query stays cheap.</summary>
    public const int MaxQueryLength = 200;

    private const string HeadlineOptions =
        $"StartSel=\"{SearchExtract.StartMarker}\", StopSel=\"{SearchExtract.StopMarker}\", " +
        "MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// The words as they will be searched: control characters and broken surrogate pairs become
    /// spaces (PostgreSQL refuses NUL), runs of spaces collapse, and the text is cut at
    /// <see cref="MaxQueryLength"/> characters. <paramref name="truncated"/> tells whether it was cut.
    /// </summary>
    public static string Normalize(string? text, out bool truncated)
    {
        var builder = new StringBuilder();
        var source = text ?? "";
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                builder.Append(c).Append(source[++i]);
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        var normalized = builder.ToString().Trim();
        truncated = normalized.Length > MaxQueryLength;
        if (truncated)
        {
            var cut = char.IsHighSurrogate(normalized[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
            normalized = normalized[..cut].TrimEnd();
        }

        return normalized;
    }

    /// <summary>Counts the matches, then reads the requested page (clamped to the last one).</summary>
    public static async Task<SearchPage> SearchAsync(
        RtesDbContext db, string query, SearchFilter filter, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var words = Normalize(query, out _);
        if (words.Length == 0)
        {
            return SearchPage.Empty;
        }

        var theme = filter.ThemeCode;
        var kind = filter.Kind is { } k ? TenantKindLabels.Code(k) : null;
        var region = filter.RegionCode;

        // websearch_to_tsquery never fails on user input; a query without lexemes ("!!! &&", "le")
        // has no node and matches nothing, which the page explains rather than saying "no result".
        var totals = await db.Database.SqlQuery<Totals>($"""
            WITH q AS (SELECT websearch_to_tsquery('app.french_unaccent', {words}) AS query)
            SELECT (SELECT numnode(q.query) > 0 FROM q) AS has_terms,
                   count(s.tenant_id)::int AS results, count(DISTINCT s.tenant_id)::int AS collectivities
            FROM q
            JOIN search_documents s ON s.document @@ q.query
            JOIN tenants t ON t.id = s.tenant_id AND t.published_version = s.fiche_version
            WHERE t.status = 'active'
              AND ({kind}::text IS NULL OR t.kind = {kind}::text)
              AND ({region}::text IS NULL OR t.region_code = {region}::text)
              AND ({theme}::text IS NULL OR s.theme_codes @> ARRAY[{theme}::text])
            """).SingleAsync(cancellationToken);

        if (!totals.HasTerms)
        {
            return SearchPage.Empty;
        }

        var pageCount = Math.Max(1, (totals.Results + pageSize - 1) / pageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        if (totals.Results == 0)
        {
            return new SearchPage([], 0, 0, pageNumber, pageCount, HasTerms: true);
        }

        var offset = (pageNumber - 1) * pageSize;
        var items = await db.Database.SqlQuery<SearchHit>($"""
            WITH q AS (SELECT websearch_to_tsquery('app.french_unaccent', {words}) AS query),
            page AS (
                SELECT s.kind, s.action_index, s.title, s.body, t.slug, t.name, t.kind AS tenant_kind, t.region_name,
                       ts_filter(s.document, ARRAY['a']::"char"[]) @@ q.query AS in_title,
                       ts_rank(s.document, q.query) AS rank
                FROM q
                JOIN search_documents s ON s.document @@ q.query
                JOIN tenants t ON t.id = s.tenant_id AND t.published_version = s.fiche_version
                WHERE t.status = 'active'
                  AND ({kind}::text IS NULL OR t.kind = {kind}::text)
                  AND ({region}::text IS NULL OR t.region_code = {region}::text)
                  AND ({theme}::text IS NULL OR s.theme_codes @> ARRAY[{theme}::text])
                ORDER BY in_title DESC, rank DESC, t.name COLLATE "fr-x-icu", t.slug, s.kind DESC, s.action_index
                LIMIT {pageSize} OFFSET {offset})
            -- Headlines for the page's rows only: ts_headline re-parses the whole text.
            SELECT p.kind AS document_kind, p.action_index AS action_index, p.slug AS tenant_slug,
                   p.name AS tenant_name, p.tenant_kind AS tenant_kind, p.region_name AS region_name,
                   p.title AS title,
                   ts_headline('app.french_unaccent', p.body, q.query, {HeadlineOptions}) AS extract
            FROM page p CROSS JOIN q
            ORDER BY p.in_title DESC, p.rank DESC, p.name COLLATE "fr-x-icu", p.slug, p.kind DESC, p.action_index
            """).ToListAsync(cancellationToken);

        return new SearchPage(items, totals.Results, totals.Collectivities, pageNumber, pageCount, HasTerms: true);
    }

    private sealed record Totals(bool HasTerms, int Results, int Collectivities);
}
