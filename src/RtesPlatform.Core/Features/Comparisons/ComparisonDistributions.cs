using System.Data.Common;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// Medians, quartiles and extremes of the values shown: pre-computed (<c>indicator_aggregates</c>)
/// for one year in the pre-aggregated groups, computed live from <c>comparison_values</c> for a
/// window of several years, a "similar" group or a hand-picked list — always over exactly the
/// rows the ranking shows. Columns are read by name.
/// </summary>
public sealed class ComparisonDistributions(ComparisonSession session)
{
    /// <summary>The distribution of the values a comparison shows, or null when none.</summary>
    internal async Task<Distribution?> OfAsync(ComparisonFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Window.IsSingleYear && filter.Group.IsPreAggregated)
        {
            return await AggregateAsync(filter.Indicator.Code, filter.Window.EndYear, filter.PerCapita, filter.Group, filter.Viewer, cancellationToken);
        }

        await using var command = await session.CommandAsync($"""
            SELECT count(*)::integer AS count, min(m.metric) AS min,
                   percentile_cont(0.25) WITHIN GROUP (ORDER BY m.metric) AS q1,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY m.metric) AS median,
                   percentile_cont(0.75) WITHIN GROUP (ORDER BY m.metric) AS q3,
                   max(m.metric) AS max,
                   CASE WHEN @per_capita THEN NULL ELSE sum(m.value)::float8 END AS total,
                   CASE WHEN @per_capita THEN sum(m.population)::bigint END AS population
            FROM (SELECT {filter.Metric} AS metric, c.value, c.population FROM comparison_values c WHERE {filter.Shown()}) m
            """, cancellationToken);
        filter.AddParameters(command);
        command.Parameters.AddWithValue("per_capita", filter.PerCapita);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The distribution of each group of one grouping (kind, région, kind × région, kind × band) for one year, pre-computed.</summary>
    public async Task<IReadOnlyList<GroupStatistics>> GroupedAsync(
        string indicatorCode, int year, bool perCapita, string groupKind, CancellationToken cancellationToken)
    {
        var viewer = await session.ViewerAsync(cancellationToken);
        await using var command = await session.CommandAsync($"""
            SELECT group_key, {AggregateColumns(perCapita)}
            FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = @audience AND group_kind = @group_kind
            ORDER BY group_key
            """, cancellationToken);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        command.Parameters.AddWithValue("group_kind", groupKind);
        var groups = new List<GroupStatistics>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read(reader) is not { } distribution)
            {
                continue;
            }

            var key = reader.Get<string>("group_key");
            var parts = key.Split('|');
            var kind = groupKind is PeerGroupKinds.Kind or PeerGroupKinds.KindRegion or PeerGroupKinds.KindBand
                ? TenantKindLabels.FromCode(parts[0]) : null;
            var region = groupKind switch
            {
                PeerGroupKinds.Region => parts[0],
                PeerGroupKinds.KindRegion when parts.Length > 1 => parts[1],
                _ => null,
            };
            var band = groupKind == PeerGroupKinds.KindBand && parts.Length > 1 ? parts[1] : null;
            groups.Add(new GroupStatistics(key, kind, string.IsNullOrEmpty(region) ? null : region, band, distribution));
        }

        return groups;
    }

    /// <summary>The pre-computed distribution of each year of one group (the series against the group).</summary>
    internal async Task<Dictionary<int, Distribution>> YearsOfAsync(
        string indicatorCode, bool perCapita, PeerGroup group, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"""
            SELECT year, {AggregateColumns(perCapita)} FROM indicator_aggregates
            WHERE indicator_code = @code AND audience = @audience AND group_kind = @group_kind AND group_key = @group_key
            """, cancellationToken);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        command.Parameters.AddWithValue("group_kind", group.GroupKind);
        command.Parameters.AddWithValue("group_key", group.AggregateKey);
        var years = new Dictionary<int, Distribution>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read(reader) is { } distribution)
            {
                years[reader.Get<int>("year")] = distribution;
            }
        }

        return years;
    }

    private async Task<Distribution?> AggregateAsync(
        string indicatorCode, int year, bool perCapita, PeerGroup group, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync($"""
            SELECT {AggregateColumns(perCapita)} FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = @audience AND group_kind = @group_kind AND group_key = @group_key
            """, cancellationToken);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        command.Parameters.AddWithValue("group_kind", group.GroupKind);
        command.Parameters.AddWithValue("group_key", group.AggregateKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static string AggregateColumns(bool perCapita) => perCapita
        ? "per_capita_count AS count, per_capita_min AS min, per_capita_q1 AS q1, per_capita_median AS median, per_capita_q3 AS q3, per_capita_max AS max, NULL::float8 AS total, population"
        : "member_count AS count, min, q1, median, q3, max, total, NULL::bigint AS population";

    private static Distribution? Read(DbDataReader reader) =>
        reader.Get<int>("count") == 0 || reader.Nullable<double>("min") is not { } min
            ? null
            : new Distribution(
                reader.Get<int>("count"),
                min,
                reader.Get<double>("q1"),
                reader.Get<double>("median"),
                reader.Get<double>("q3"),
                reader.Get<double>("max"),
                reader.Nullable<double>("total"),
                reader.Nullable<long>("population"));
}
