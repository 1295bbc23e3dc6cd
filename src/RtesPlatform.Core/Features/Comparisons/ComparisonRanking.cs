using System.Data.Common;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The ranked values of a comparison, read from <c>comparison_values</c> (the latest value of each
/// member per end year, kept by the aggregates refresh): one page, a member's row, every row (the
/// exports), how many members have a value, and the members of the group without one.
/// Columns are read by name.
/// </summary>
public sealed class ComparisonRanking(ComparisonSession session)
{
    private const string MemberColumns = """
        t.id AS tenant_id, t.slug, t.name, t.kind, coalesce(t.siren, t.insee_code) AS siren_or_insee,
        t.region_code, t.region_name, t.population, t.population_vintage, t.origin = 'synthetic' AS fictitious
        """;

    /// <summary>One page of the ranking, the number of members ranked and the years their values come from.</summary>
    internal async Task<(IReadOnlyList<ComparisonRow> Rows, int Total, YearSpan? Span)> PageAsync(
        ComparisonFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"""
            WITH shown AS (
                SELECT c.member_id, c.year, c.value, {filter.Metric} AS metric
                FROM comparison_values c WHERE {filter.Shown()}
            ), ranked AS (
                SELECT s.*, rank() OVER (ORDER BY s.metric DESC) AS rank, count(*) OVER () AS total,
                       min(s.year) OVER () AS first_shown, max(s.year) OVER () AS last_shown
                FROM shown s
            ), page AS (
                SELECT * FROM ranked ORDER BY metric DESC, member_id LIMIT @limit OFFSET @offset
            )
            {RowSelect("page p", ", p.first_shown, p.last_shown")}
            ORDER BY p.metric DESC, p.member_id
            """, cancellationToken);
        filter.AddParameters(command);
        command.Parameters.AddWithValue("limit", (long)pageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);
        var rows = new List<ComparisonRow>();
        var total = 0;
        YearSpan? span = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadRow(reader));
                total = (int)reader.Get<long>("total");
                span ??= new YearSpan(reader.Get<int>("first_shown"), reader.Get<int>("last_shown"));
            }
        }

        if (rows.Count == 0 && page > 1)
        {
            total = await CountAsync(filter, cancellationToken);
        }

        return (rows, total, span);
    }

    /// <summary>How many members of the group have a value in the window.</summary>
    internal async Task<int> CountAsync(ComparisonFilter filter, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            $"SELECT count(*) AS n FROM comparison_values c WHERE {filter.Shown()}", cancellationToken);
        filter.AddParameters(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (int)reader.Get<long>("n");
    }

    /// <summary>A member's ranked row, or null when it has no value in the window (or is not of the group).</summary>
    internal async Task<ComparisonRow?> RowOfAsync(ComparisonFilter filter, Guid tenantId, CancellationToken cancellationToken)
    {
        // Its rank: one more than the members of the group whose metric is higher.
        await using var command = await session.CommandAsync($"""
            WITH mine AS (
                SELECT c.member_id, c.year, c.value, {filter.Metric} AS metric
                FROM comparison_values c WHERE {filter.Shown()} AND c.member_id = @focus
            ), ranked AS (
                SELECT m.*,
                       1 + (SELECT count(*) FROM comparison_values c WHERE {filter.Shown()} AND {filter.Metric} > m.metric) AS rank,
                       0::bigint AS total
                FROM mine m
            )
            {RowSelect("ranked p")}
            """, cancellationToken);
        filter.AddParameters(command);
        command.Parameters.AddWithValue("focus", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    /// <summary>
    /// Members of the group without a value in the window, by name (the first <paramref name="limit"/>),
    /// with their most recent earlier value, and how many there are.
    /// </summary>
    internal async Task<(IReadOnlyList<MissingMember> Members, int Count)> MissingAsync(
        ComparisonFilter filter, int limit, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"""
            WITH missing AS (
                SELECT t.* FROM tenants t
                WHERE {filter.Members()}
                  AND NOT EXISTS (SELECT 1 FROM comparison_values c WHERE {filter.Shown()} AND c.member_id = t.id)
            )
            SELECT {MemberColumns}, o.year AS nearest_year, o.value AS nearest_value,
                   {(filter.PerCapita ? "o.per_capita" : "o.value::float8")} AS nearest_metric,
                   count(*) OVER () AS missing_count
            FROM missing t
            LEFT JOIN LATERAL (
                SELECT o.year, o.value, o.per_capita FROM comparison_values o
                WHERE o.member_id = t.id AND {filter.OlderOf("o")}
                ORDER BY o.year DESC LIMIT 1) o ON true
            ORDER BY t.name, t.id
            LIMIT @limit
            """, cancellationToken);
        filter.AddParameters(command);
        command.Parameters.AddWithValue("limit", (long)limit);
        var missing = new List<MissingMember>();
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(new MissingMember(
                ReadMember(reader),
                reader.Nullable<int>("nearest_year"),
                reader.Nullable<decimal>("nearest_value"),
                reader.Nullable<double>("nearest_metric")));
            count = (int)reader.Get<long>("missing_count");
        }

        return (missing, count);
    }

    /// <summary>The viewer's own private values in the window (the latest of each own member): shown to it, never ranked.</summary>
    internal async Task<IReadOnlyList<ComparisonRow>> OwnPrivateAsync(ComparisonFilter filter, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"""
            SELECT DISTINCT ON (t.id) {MemberColumns}, v.year, v.value,
                   {(filter.PerCapita ? "v.value::float8 * @base / t.population" : "v.value::float8")} AS metric,
                   v.visibility, v.source_title, v.source_url, v.origin, NULL::bigint AS rank
            FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE v.indicator_code = @code AND v.year BETWEEN @first_year AND @end_year AND v.visibility = 'private'
              AND v.tenant_id = ANY (@own) AND (NOT @per_capita OR t.population > 0)
            ORDER BY t.id, v.year DESC
            """, cancellationToken);
        command.Parameters.AddWithValue("code", filter.Indicator.Code);
        command.Parameters.AddWithValue("first_year", filter.Window.FirstYear);
        command.Parameters.AddWithValue("end_year", filter.Window.EndYear);
        command.Parameters.AddWithValue("base", (double)(filter.Indicator.PerCapitaBase ?? 1));
        command.Parameters.AddWithValue("per_capita", filter.PerCapita);
        command.Parameters.AddWithValue("own", filter.Viewer.OwnTenants.ToArray());
        var rows = new List<ComparisonRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    /// <summary>The member, the value's source and origin (one primary-key read each) of ranked rows <c>p</c>.</summary>
    private static string RowSelect(string from, string extra = "") => $"""
        SELECT {MemberColumns}, p.year, p.value, p.metric, p.rank, p.total,
               v.visibility, v.source_title, v.source_url, v.origin{extra}
        FROM {from}
        JOIN tenants t ON t.id = p.member_id
        LEFT JOIN indicator_values v ON v.tenant_id = p.member_id AND v.indicator_code = @code AND v.year = p.year
        """;

    internal static ComparedMember ReadMember(DbDataReader reader) => new(
        reader.Get<Guid>("tenant_id"),
        reader.Get<string>("slug"),
        reader.Get<string>("name"),
        TenantKindLabels.FromCode(reader.Get<string>("kind")) ?? TenantKind.Other,
        reader.Text("siren_or_insee")?.Trim(),
        reader.Text("region_code"),
        reader.Text("region_name"),
        reader.Nullable<int>("population"),
        reader.Nullable<int>("population_vintage"),
        reader.Get<bool>("fictitious"));

    private static ComparisonRow ReadRow(DbDataReader reader) => new(
        ReadMember(reader),
        reader.Get<int>("year"),
        reader.Get<decimal>("value"),
        reader.Get<double>("metric"),
        reader.Text("visibility") switch
        {
            "network" => ValueVisibility.Network,
            "private" => ValueVisibility.Private,
            _ => ValueVisibility.Public,
        },
        reader.Text("source_title"),
        reader.Text("source_url"),
        reader.Nullable<long>("rank") is { } rank ? (int)rank : null,
        reader.Text("origin") switch
        {
            "synthetic" => ValueOrigin.Synthetic,
            "manual" => ValueOrigin.Manual,
            _ => ValueOrigin.Fiche,
        });
}
