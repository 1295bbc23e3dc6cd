using Microsoft.EntityFrameworkCore;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A member's values over the years against its peer group's distribution of each year. Columns are read by name.</summary>
public sealed class ComparisonSeries(ComparisonSession session, ComparisonDistributions distributions)
{
    /// <remarks>
    /// The viewer's own private values are part of the series it sees on the page
    /// (<paramref name="includeOwnPrivate"/>), never of an export.
    /// </remarks>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(
        Guid tenantId, string indicatorCode, bool perCapita, PeerGroup group, CancellationToken cancellationToken,
        bool includeOwnPrivate = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        var indicator = await session.Db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == indicatorCode, cancellationToken);
        if (indicator is null)
        {
            return [];
        }

        perCapita &= indicator.PerCapitaBase is not null;
        var viewer = await session.ViewerAsync(cancellationToken);
        var own = new Dictionary<int, (decimal Value, double? Metric)>();
        await using (var command = await session.CommandAsync("""
            SELECT v.year, v.value,
                   CASE WHEN t.population > 0 THEN v.value::float8 * @base / t.population END AS per_capita
            FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE v.tenant_id = @tenant AND v.indicator_code = @code AND t.status = 'active'
              AND (v.visibility = 'public' OR (@network AND v.visibility = 'network') OR (@own_private AND v.tenant_id = ANY (@own)))
            """, cancellationToken))
        {
            command.Parameters.AddWithValue("tenant", tenantId);
            command.Parameters.AddWithValue("code", indicatorCode);
            command.Parameters.AddWithValue("base", (double)(indicator.PerCapitaBase ?? 1));
            command.Parameters.AddWithValue("network", viewer.IsNetworkMember);
            command.Parameters.AddWithValue("own", viewer.OwnTenants.ToArray());
            command.Parameters.AddWithValue("own_private", includeOwnPrivate);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var value = reader.Get<decimal>("value");
                own[reader.Get<int>("year")] = (value, perCapita ? reader.Nullable<double>("per_capita") : (double)value);
            }
        }

        Dictionary<int, Distribution> groups;
        if (group.IsPreAggregated)
        {
            groups = await distributions.YearsOfAsync(indicatorCode, perCapita, group, viewer, cancellationToken);
        }
        else
        {
            // A hand-picked list or a "similar" group: each year's distribution live, over that year's values.
            groups = [];
            foreach (var year in await YearsWithValuesAsync(indicatorCode, viewer, cancellationToken))
            {
                var filter = new ComparisonFilter(indicator, ComparisonWindow.SingleYear(year), perCapita, group, viewer);
                if (await distributions.OfAsync(filter, cancellationToken) is { } distribution)
                {
                    groups[year] = distribution;
                }
            }
        }

        return [.. own.Keys.Union(groups.Keys).Order().Select(year => new SeriesPoint(
            year,
            own.TryGetValue(year, out var o) ? o.Value : null,
            own.TryGetValue(year, out var m) ? m.Metric : null,
            groups.GetValueOrDefault(year)))];
    }

    private async Task<IReadOnlyList<int>> YearsWithValuesAsync(string indicatorCode, Viewer viewer, CancellationToken cancellationToken)
    {
        await using var command = await session.CommandAsync(
            "SELECT year FROM indicator_aggregates WHERE indicator_code = @code AND audience = @audience AND group_kind = 'all' ORDER BY year",
            cancellationToken);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        var years = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add(reader.Get<int>("year"));
        }

        return years;
    }
}
