using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The comparisons of members on one indicator: ranked values (live, one indicator and year read
/// through its index), distributions (pre-computed per peer group, live for a hand-picked list),
/// and time series against a peer group's median. Every read goes through row-level security:
/// the database decides which values the viewer may see; the queries add the same conditions so
/// that a network-only value is never counted for the public, and private values never counted.
/// </summary>
public sealed class ComparisonQueries(RtesDbContext db, CurrentUser currentUser)
{
    private const string MemberColumns =
        "t.id, t.slug, t.name, t.kind, coalesce(t.siren, t.insee_code), t.region_code, t.region_name, t.population, t.population_vintage";

    private Viewer? _viewer;

    public async Task<IReadOnlyList<Indicator>> CatalogueAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);

    /// <summary>The viewer, as the database sees it (anonymous visitors need no query).</summary>
    public async Task<Viewer> ViewerAsync(CancellationToken cancellationToken)
    {
        if (_viewer is not null)
        {
            return _viewer;
        }

        if (currentUser.UserId is null)
        {
            return _viewer = Viewer.Public;
        }

        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT app.viewer_is_network_member(), app.viewer_tenant_ids()");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return _viewer = new Viewer(reader.GetBoolean(0), reader.GetFieldValue<Guid[]>(1));
    }

    /// <summary>Years that have values the viewer may compare, with how many members have one.</summary>
    public async Task<IReadOnlyList<(int Year, int Count)>> YearsAsync(string indicatorCode, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(cancellationToken);
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            SELECT year, member_count FROM indicator_aggregates
            WHERE indicator_code = @code AND audience = @audience AND group_kind = 'all'
            ORDER BY year DESC
            """);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        var years = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }

        return years;
    }

    public async Task<ComparisonResult?> CompareAsync(ComparisonQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == query.IndicatorCode, cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var perCapita = query.PerCapita && indicator.PerCapitaBase is not null;
        var viewer = await ViewerAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 100_000);
        var page = Math.Max(1, query.Page);

        var (rows, total) = await RankedAsync(indicator, query.Year, perCapita, query.Group, viewer, page, pageSize, cancellationToken);
        if (rows.Count == 0 && total > 0)
        {
            // Past the last page: show the last one.
            page = (total + pageSize - 1) / pageSize;
            (rows, total) = await RankedAsync(indicator, query.Year, perCapita, query.Group, viewer, page, pageSize, cancellationToken);
        }

        var distribution = query.Group.IsList
            ? await LiveDistributionAsync(indicator, query.Year, perCapita, query.Group, viewer, cancellationToken)
            : await AggregateAsync(indicator.Code, query.Year, perCapita, query.Group, viewer, cancellationToken);

        ComparisonRow? focus = null;
        MissingMember? focusMissing = null;
        if (query.FocusTenantId is { } focusId)
        {
            focus = await FocusAsync(indicator, query.Year, perCapita, query.Group, viewer, focusId, cancellationToken);
            if (focus is null)
            {
                var nearest = await NearestAsync(indicator, query.Year, perCapita, [focusId], viewer, cancellationToken);
                focusMissing = nearest is [var first, ..] ? first : null;
            }
        }

        var ownPrivate = viewer.OwnTenants.Count == 0
            ? []
            : await OwnPrivateAsync(indicator, query.Year, perCapita, viewer, cancellationToken);

        var missing = query.Group.IsList
            ? await NearestAsync(indicator, query.Year, perCapita, query.Group.Members, viewer, cancellationToken)
            : [];

        return new ComparisonResult(
            indicator, query.Year, perCapita, query.Group, distribution, rows, total, page, pageSize,
            focus, focusMissing, ownPrivate, missing,
            rows.Select(r => r.Member.PopulationVintage).FirstOrDefault(v => v is not null));
    }

    /// <summary>The distribution of each group of one grouping (kind, région, kind × région, kind × band), pre-computed.</summary>
    public async Task<IReadOnlyList<GroupStatistics>> GroupedAsync(
        string indicatorCode, int year, bool perCapita, string groupKind, CancellationToken cancellationToken)
    {
        var viewer = await ViewerAsync(cancellationToken);
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT group_key, {DistributionColumns(perCapita)}
            FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = @audience AND group_kind = @group_kind
            ORDER BY group_key
            """);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        command.Parameters.AddWithValue("group_kind", groupKind);
        var groups = new List<GroupStatistics>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ReadDistribution(reader, 1) is not { } distribution)
            {
                continue;
            }

            var key = reader.GetString(0);
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

    /// <summary>A member's values over the years against its peer group's distribution of each year.</summary>
    /// <remarks>
    /// The viewer's own private values are part of the series it sees on the page
    /// (<paramref name="includeOwnPrivate"/>), never of an export.
    /// </remarks>
    public async Task<IReadOnlyList<SeriesPoint>> SeriesAsync(
        Guid tenantId, string indicatorCode, bool perCapita, PeerGroup group, CancellationToken cancellationToken,
        bool includeOwnPrivate = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == indicatorCode, cancellationToken);
        if (indicator is null)
        {
            return [];
        }

        perCapita &= indicator.PerCapitaBase is not null;
        var viewer = await ViewerAsync(cancellationToken);
        var connection = await OpenAsync(cancellationToken);
        var own = new Dictionary<int, (decimal Value, double? Metric)>();
        await using (var command = Command(connection, """
            SELECT v.year, v.value,
                   CASE WHEN t.population > 0 THEN v.value::float8 * @base / t.population END
            FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE v.tenant_id = @tenant AND v.indicator_code = @code AND t.status = 'active'
              AND (v.visibility = 'public' OR (@network AND v.visibility = 'network') OR (@own_private AND v.tenant_id = ANY (@own)))
            """))
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
                var value = reader.GetDecimal(1);
                own[reader.GetInt32(0)] = (value, perCapita ? (reader.IsDBNull(2) ? null : reader.GetDouble(2)) : (double)value);
            }
        }

        var groups = new Dictionary<int, Distribution>();
        if (group.IsList)
        {
            foreach (var year in await ListYearsAsync(indicatorCode, group, cancellationToken))
            {
                if (await LiveDistributionAsync(indicator, year, perCapita, group, viewer, cancellationToken) is { } distribution)
                {
                    groups[year] = distribution;
                }
            }
        }
        else
        {
            await using var command = Command(connection, $"""
                SELECT year, {DistributionColumns(perCapita)} FROM indicator_aggregates
                WHERE indicator_code = @code AND audience = @audience AND group_kind = @group_kind AND group_key = @group_key
                """);
            command.Parameters.AddWithValue("code", indicatorCode);
            command.Parameters.AddWithValue("audience", viewer.Audience);
            command.Parameters.AddWithValue("group_kind", group.GroupKind);
            command.Parameters.AddWithValue("group_key", group.AggregateKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (ReadDistribution(reader, 1) is { } distribution)
                {
                    groups[reader.GetInt32(0)] = distribution;
                }
            }
        }

        return [.. own.Keys.Union(groups.Keys).Order().Select(year => new SeriesPoint(
            year,
            own.TryGetValue(year, out var o) ? o.Value : null,
            own.TryGetValue(year, out var m) ? m.Metric : null,
            groups.GetValueOrDefault(year)))];
    }

    /// <summary>Every row of a comparison, in rank order, for the exports.</summary>
    public async Task<IReadOnlyList<ComparisonRow>> AllRowsAsync(
        Indicator indicator, int year, bool perCapita, PeerGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var viewer = await ViewerAsync(cancellationToken);
        var (rows, _) = await RankedAsync(indicator, year, perCapita && indicator.PerCapitaBase is not null, group, viewer, 1, int.MaxValue, cancellationToken);
        return rows;
    }

    private async Task<(IReadOnlyList<ComparisonRow> Rows, int Total)> RankedAsync(
        Indicator indicator, int year, bool perCapita, PeerGroup group, Viewer viewer, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            {RankedCte(perCapita, group)}
            SELECT {MemberColumns}, r.year, r.value, r.metric, r.visibility, r.source_title, r.source_url, r.rank, r.total
            FROM ranked r JOIN tenants t ON t.id = r.tenant_id
            ORDER BY r.metric DESC, t.name, t.id
            LIMIT @limit OFFSET @offset
            """);
        AddRankedParameters(command, indicator, year, group, viewer);
        command.Parameters.AddWithValue("limit", (long)pageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);
        var rows = new List<ComparisonRow>();
        var total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadRow(reader));
                total = (int)reader.GetInt64(16);
            }
        }

        if (rows.Count == 0 && page > 1)
        {
            total = await CountAsync(indicator, year, perCapita, group, viewer, cancellationToken);
        }

        return (rows, total);
    }

    private async Task<int> CountAsync(
        Indicator indicator, int year, bool perCapita, PeerGroup group, Viewer viewer, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"{RankedCte(perCapita, group)} SELECT count(*) FROM ranked");
        AddRankedParameters(command, indicator, year, group, viewer);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<ComparisonRow?> FocusAsync(
        Indicator indicator, int year, bool perCapita, PeerGroup group, Viewer viewer, Guid tenantId,
        CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            {RankedCte(perCapita, group)}
            SELECT {MemberColumns}, r.year, r.value, r.metric, r.visibility, r.source_title, r.source_url, r.rank, r.total
            FROM ranked r JOIN tenants t ON t.id = r.tenant_id
            WHERE r.tenant_id = @focus
            """);
        AddRankedParameters(command, indicator, year, group, viewer);
        command.Parameters.AddWithValue("focus", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    private async Task<IReadOnlyList<ComparisonRow>> OwnPrivateAsync(
        Indicator indicator, int year, bool perCapita, Viewer viewer, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT {MemberColumns}, v.year, v.value, {Metric(perCapita)} AS metric, v.visibility, v.source_title, v.source_url,
                   NULL::bigint, 0::bigint
            FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE v.indicator_code = @code AND v.year = @year AND v.visibility = 'private' AND v.tenant_id = ANY (@own)
              AND (NOT @per_capita OR t.population > 0)
            """);
        command.Parameters.AddWithValue("code", indicator.Code);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("base", (double)(indicator.PerCapitaBase ?? 1));
        command.Parameters.AddWithValue("per_capita", perCapita);
        command.Parameters.AddWithValue("own", viewer.OwnTenants.ToArray());
        var rows = new List<ComparisonRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    private async Task<Distribution?> AggregateAsync(
        string indicatorCode, int year, bool perCapita, PeerGroup group, Viewer viewer, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT {DistributionColumns(perCapita)} FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = @audience AND group_kind = @group_kind AND group_key = @group_key
            """);
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("audience", viewer.Audience);
        command.Parameters.AddWithValue("group_kind", group.GroupKind);
        command.Parameters.AddWithValue("group_key", group.AggregateKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDistribution(reader, 0) : null;
    }

    private async Task<Distribution?> LiveDistributionAsync(
        Indicator indicator, int year, bool perCapita, PeerGroup group, Viewer viewer, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            {RankedCte(perCapita, group)}
            SELECT count(*)::integer, min(r.metric),
                   percentile_cont(0.25) WITHIN GROUP (ORDER BY r.metric),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.metric),
                   percentile_cont(0.75) WITHIN GROUP (ORDER BY r.metric),
                   max(r.metric), sum(r.value)::float8, sum(r.population)::bigint
            FROM ranked r
            """);
        AddRankedParameters(command, indicator, year, group, viewer);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDistribution(reader, 0) : null;
    }

    private async Task<IReadOnlyList<int>> ListYearsAsync(string indicatorCode, PeerGroup group, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT DISTINCT year FROM indicator_values WHERE indicator_code = @code AND tenant_id = ANY (@members) ORDER BY year");
        command.Parameters.AddWithValue("code", indicatorCode);
        command.Parameters.AddWithValue("members", group.Members.ToArray());
        var years = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            years.Add(reader.GetInt32(0));
        }

        return years;
    }

    /// <summary>
    /// Members of <paramref name="members"/> without a comparable value for the year: the value of
    /// their nearest year (the earlier one on a tie), shown with its year and never ranked, or none.
    /// </summary>
    private async Task<IReadOnlyList<MissingMember>> NearestAsync(
        Indicator indicator, int year, bool perCapita, IReadOnlyList<Guid> members, Viewer viewer,
        CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, $"""
            SELECT {MemberColumns}, n.year, n.value, n.metric
            FROM tenants t
            LEFT JOIN LATERAL (
                SELECT v.year, v.value, CASE WHEN t.population > 0 OR NOT @per_capita THEN {Metric(perCapita)} END AS metric
                FROM indicator_values v
                WHERE v.tenant_id = t.id AND v.indicator_code = @code AND v.visibility <> 'private'
                  AND (v.visibility = 'public' OR @network)
                ORDER BY abs(v.year - @year), v.year
                LIMIT 1) n ON true
            WHERE t.id = ANY (@members) AND t.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM indicator_values x
                              WHERE x.tenant_id = t.id AND x.indicator_code = @code AND x.year = @year
                                AND x.visibility <> 'private' AND (x.visibility = 'public' OR @network)
                                AND (NOT @per_capita OR t.population > 0))
            ORDER BY t.name
            """);
        command.Parameters.AddWithValue("code", indicator.Code);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("base", (double)(indicator.PerCapitaBase ?? 1));
        command.Parameters.AddWithValue("per_capita", perCapita);
        command.Parameters.AddWithValue("network", viewer.IsNetworkMember);
        command.Parameters.AddWithValue("members", members.ToArray());
        var missing = new List<MissingMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var member = ReadMember(reader);
            missing.Add(reader.IsDBNull(9)
                ? new MissingMember(member, null, null, null)
                : new MissingMember(member, reader.GetInt32(9), reader.GetDecimal(10), reader.IsDBNull(11) ? null : reader.GetDouble(11)));
        }

        return missing;
    }

    /// <summary>
    /// Values of one indicator and year the viewer may compare (never private ones, public only
    /// for the public), with the metric and the rank among them.
    /// </summary>
    private static string RankedCte(bool perCapita, PeerGroup group)
    {
        var sql = new StringBuilder($"""
            WITH ranked AS (
                SELECT v.tenant_id, v.year, v.value, v.visibility, v.source_title, v.source_url, t.population,
                       {Metric(perCapita)} AS metric,
                       rank() OVER (ORDER BY {Metric(perCapita)} DESC) AS rank,
                       count(*) OVER () AS total
                FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
                WHERE v.indicator_code = @code AND v.year = @year AND t.status = 'active'
                  AND v.visibility <> 'private' AND (v.visibility = 'public' OR @network)
            """);
        if (perCapita)
        {
            sql.Append(" AND t.population > 0");
        }

        if (group.Kind is not null)
        {
            sql.Append(" AND t.kind = @kind");
        }

        if (group.RegionCode is not null)
        {
            sql.Append(" AND t.region_code = @region");
        }

        if (group.Band is not null)
        {
            sql.Append(" AND app.population_band(t.population) = @band");
        }

        if (group.IsList)
        {
            sql.Append(" AND t.id = ANY (@members)");
        }

        sql.Append(')');
        return sql.ToString();
    }

    private static void AddRankedParameters(NpgsqlCommand command, Indicator indicator, int year, PeerGroup group, Viewer viewer)
    {
        command.Parameters.AddWithValue("code", indicator.Code);
        command.Parameters.AddWithValue("year", year);
        command.Parameters.AddWithValue("base", (double)(indicator.PerCapitaBase ?? 1));
        command.Parameters.AddWithValue("network", viewer.IsNetworkMember);
        if (group.Kind is { } kind)
        {
            command.Parameters.AddWithValue("kind", TenantKindLabels.Code(kind));
        }

        if (group.RegionCode is { } region)
        {
            command.Parameters.AddWithValue("region", region);
        }

        if (group.Band is { } band)
        {
            command.Parameters.AddWithValue("band", band);
        }

        if (group.IsList)
        {
            command.Parameters.Add(new NpgsqlParameter("members", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = group.Members.ToArray() });
        }
    }

    private static string Metric(bool perCapita) =>
        perCapita ? "(v.value::float8 * @base / t.population)" : "v.value::float8";

    private static string DistributionColumns(bool perCapita) => perCapita
        ? "per_capita_count, per_capita_min, per_capita_q1, per_capita_median, per_capita_q3, per_capita_max, NULL::float8, population"
        : "member_count, min, q1, median, q3, max, total, NULL::bigint";

    private static Distribution? ReadDistribution(DbDataReader reader, int first) =>
        reader.GetInt32(first) == 0 || reader.IsDBNull(first + 1)
            ? null
            : new Distribution(
                reader.GetInt32(first),
                reader.GetDouble(first + 1),
                reader.GetDouble(first + 2),
                reader.GetDouble(first + 3),
                reader.GetDouble(first + 4),
                reader.GetDouble(first + 5),
                reader.IsDBNull(first + 6) ? null : reader.GetDouble(first + 6),
                reader.IsDBNull(first + 7) ? null : reader.GetInt64(first + 7));

    private static ComparedMember ReadMember(DbDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        TenantKindLabels.FromCode(reader.GetString(3)) ?? TenantKind.Other,
        reader.IsDBNull(4) ? null : reader.GetString(4).Trim(),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetInt32(8));

    private static ComparisonRow ReadRow(DbDataReader reader) => new(
        ReadMember(reader),
        reader.GetInt32(9),
        reader.GetDecimal(10),
        reader.GetDouble(11),
        reader.GetString(12) switch
        {
            "public" => ValueVisibility.Public,
            "network" => ValueVisibility.Network,
            _ => ValueVisibility.Private,
        },
        reader.IsDBNull(13) ? null : reader.GetString(13),
        reader.IsDBNull(14) ? null : reader.GetString(14),
        reader.IsDBNull(15) ? null : (int)reader.GetInt64(15));

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Opening through EF Core runs the session interceptor (app.user_id for row-level security).
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);
}
