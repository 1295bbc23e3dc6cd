using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The map of members by département, aggregated in PostgreSQL in one statement: per
/// département, the active members located in it (named when there are at most
/// <see cref="ListedPerDepartement"/>) and, with an indicator, the members' latest values in the window
/// (<c>comparison_values</c>, the same rows as the ranking: what the viewer's audience sees, per
/// capita when asked) reduced to their count, median, minimum, maximum and years; the région
/// members apart (they span several départements); then the quantile classes of the medians.
/// </summary>
public sealed class ComparisonMap(ComparisonSession session)
{
    /// <summary>The table names the members of a département that has at most this many (all are counted).</summary>
    public const int ListedPerDepartement = 5;

    private static readonly StringComparer _french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: false);

    public async Task<ComparisonMapResult> MapAsync(
        Indicator? indicator, ComparisonWindow? window, bool perCapita, CancellationToken cancellationToken)
    {
        ComparisonFilter? filter = null;
        if (indicator is not null && window is not null)
        {
            var viewer = await session.ViewerAsync(cancellationToken);
            filter = new ComparisonFilter(indicator, window, perCapita && indicator.PerCapitaBase is not null, PeerGroup.All, viewer);
        }

        // First the figures of each département (and of the région members as one group): the
        // active members counted over the tenants alone, and the window's values aggregated over
        // comparison_values alone (each row carries its member's département: one range of the
        // index per indicator, end year and département), narrow rows grouped under the "C"
        // collation. Then, by name, the members of the départements that have few and the région
        // members with their values.
        var join = filter is null ? "" : $"LEFT JOIN comparison_values c ON c.member_id = t.id AND {filter.Shown()}";
        var metric = filter is null ? "NULL::float8" : filter.Metric;
        var year = filter is null ? "NULL::int" : "c.year";
        var value = filter is null ? "NULL::numeric" : "c.value";
        var valued = filter is null
            ? "SELECT NULL::text AS code, false AS is_region, 0::bigint AS with_value, NULL::float8 AS median, NULL::float8 AS min_metric, NULL::float8 AS max_metric, NULL::int AS first_year, NULL::int AS last_year WHERE false"
            : $"""
              SELECT c.departement_code COLLATE "C" AS code, c.kind = 'region' AS is_region,
                     count(*) AS with_value,
                     percentile_cont(0.5) WITHIN GROUP (ORDER BY {metric}) AS median,
                     min({metric}) AS min_metric, max({metric}) AS max_metric,
                     min(c.year) AS first_year, max(c.year) AS last_year
              FROM comparison_values c
              WHERE {filter.Shown()}
              GROUP BY 1, 2
              """;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var figures = new List<(string? Code, bool IsRegion, int Members, int Fictitious, int WithValue, double? Median, double? Min, double? Max, YearSpan? Years)>();
        await using (var command = await session.CommandAsync($"""
            WITH members AS (
                SELECT (CASE WHEN t.kind = 'region' THEN NULL ELSE t.departement_code END) COLLATE "C" AS code,
                       t.kind = 'region' AS is_region,
                       count(*) AS members,
                       count(*) FILTER (WHERE t.origin = 'synthetic') AS fictitious_members
                FROM tenants t
                WHERE t.status = 'active'
                GROUP BY 1, 2
            ), valued AS (
                {valued}
            ), grouped AS (
                SELECT m.code, m.is_region, m.members, m.fictitious_members,
                       v.with_value, v.median, v.min_metric, v.max_metric, v.first_year, v.last_year
                FROM members m
                LEFT JOIN valued v ON v.is_region = m.is_region AND v.code IS NOT DISTINCT FROM m.code
            )
            SELECT coalesce(n.code, g.code) AS code, n.name, coalesce(g.is_region, false) AS is_region,
                   coalesce(g.members, 0) AS members, coalesce(g.fictitious_members, 0) AS fictitious_members,
                   coalesce(g.with_value, 0) AS with_value, g.median, g.min_metric, g.max_metric, g.first_year, g.last_year
            FROM grouped g
            FULL JOIN (SELECT r.code COLLATE "C" AS code, r.name FROM ref_collectivities r WHERE r.kind = 'departement') n ON n.code = g.code
            """, cancellationToken))
        {
            filter?.AddParameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var first = reader.Nullable<int>("first_year");
                var last = reader.Nullable<int>("last_year");
                var code = reader.Text("code");
                figures.Add((
                    code,
                    reader.Get<bool>("is_region"),
                    (int)reader.Get<long>("members"),
                    (int)reader.Get<long>("fictitious_members"),
                    (int)reader.Get<long>("with_value"),
                    reader.Nullable<double>("median"),
                    reader.Nullable<double>("min_metric"),
                    reader.Nullable<double>("max_metric"),
                    first is { } f && last is { } l ? new YearSpan(f, l) : null));
                if (code is not null && reader.Text("name") is { } name)
                {
                    names[code] = name;
                }
            }
        }

        var small = figures.Where(f => !f.IsRegion && f.Code is not null && f.Members is > 0 and <= ListedPerDepartement).Select(f => f.Code!).ToArray();
        var listed = new Dictionary<string, List<MapMember>>(StringComparer.Ordinal);
        var regions = new List<MapRegionMember>();
        if (small.Length > 0 || figures.Any(f => f.IsRegion))
        {
            await using var command = await session.CommandAsync($"""
                SELECT t.departement_code, t.kind = 'region' AS is_region, t.slug, t.name, t.origin = 'synthetic' AS fictitious,
                       t.region_name, {year} AS year, {value} AS value, {metric} AS metric
                FROM tenants t {join}
                WHERE t.status = 'active' AND (t.kind = 'region' OR (t.departement_code = ANY (@small) AND t.kind <> 'region'))
                """, cancellationToken);
            filter?.AddParameters(command);
            command.Parameters.AddWithValue("small", small);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var m = new MapMember(reader.Get<string>("slug"), reader.Get<string>("name"), reader.Get<bool>("fictitious"));
                if (reader.Get<bool>("is_region"))
                {
                    regions.Add(new MapRegionMember(m, reader.Text("region_name"), reader.Nullable<int>("year"), reader.Nullable<decimal>("value"), reader.Nullable<double>("metric")));
                }
                else
                {
                    var code = reader.Get<string>("departement_code");
                    if (!listed.TryGetValue(code, out var members))
                    {
                        listed[code] = members = [];
                    }

                    members.Add(m);
                }
            }
        }

        var departements = figures
            .Where(f => !f.IsRegion && f.Code is not null)
            .Select(f => new MapDepartement(
                f.Code!, names.GetValueOrDefault(f.Code!) ?? f.Code!, f.Members, f.Fictitious,
                [.. (listed.GetValueOrDefault(f.Code!) ?? []).OrderBy(m => m.Name, _french).ThenBy(m => m.Slug, StringComparer.Ordinal)],
                f.WithValue, f.Median, f.Min, f.Max, f.Years))
            .ToList();
        var withoutDepartement = figures.Where(f => !f.IsRegion && f.Code is null).Sum(f => f.Members);
        departements.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        regions = [.. regions.OrderBy(r => r.Member.Name, _french).ThenBy(r => r.Member.Slug, StringComparer.Ordinal)];
        var classes = filter is null ? ChoroplethClasses.Empty : ChoroplethClasses.Of(departements.Where(d => d.Median is not null).Select(d => d.Median!.Value));
        return new ComparisonMapResult(departements, regions, withoutDepartement, indicator, window, filter?.PerCapita ?? false, classes);
    }
}
