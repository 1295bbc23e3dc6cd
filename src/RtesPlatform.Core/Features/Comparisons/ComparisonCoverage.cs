using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The network dashboard's matrix: for one page of members (filtered by kind and région), the
/// year and value of each member's latest value of every indicator the viewer's audience sees
/// (public values for the public, network ones too for network members; private values never),
/// and for each indicator how many members of the filter have a recent value. Cells read the
/// members' own rows by primary key; counts read <c>comparison_values</c> at each indicator's
/// latest end year (values of its ten last years).
/// </summary>
public sealed class ComparisonCoverage(ComparisonSession session)
{
    public async Task<CoverageMatrix> MatrixAsync(CoverageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var viewer = await session.ViewerAsync(cancellationToken);
        var kind = request.Kind is { } k ? TenantKindLabels.Code(k) : null;
        void AddFilter(Npgsql.NpgsqlCommand command)
        {
            command.Parameters.AddWithValue("kind", (object?)kind ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            command.Parameters.AddWithValue("region", (object?)request.RegionCode ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        }


        var members = new List<CoverageMember>();
        var total = 0;
        await using (var command = await session.CommandAsync("""
            SELECT t.id, t.slug, t.name, t.kind, t.region_name, t.origin = 'synthetic' AS fictitious, t.published_version IS NOT NULL AS published, count(*) OVER () AS total
            FROM tenants t
            WHERE t.status = 'active' AND (@kind::text IS NULL OR t.kind = @kind) AND (@region::text IS NULL OR t.region_code = @region)
            ORDER BY t.name, t.id
            LIMIT @limit OFFSET @offset
            """, cancellationToken))
        {
            AddFilter(command);
            command.Parameters.AddWithValue("limit", (long)request.PageSize);
            command.Parameters.AddWithValue("offset", (long)(request.Page - 1) * request.PageSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                members.Add(new CoverageMember(
                    reader.Get<Guid>("id"),
                    reader.Get<string>("slug"),
                    reader.Get<string>("name"),
                    TenantKindLabels.FromCode(reader.Get<string>("kind")) ?? TenantKind.Other,
                    reader.Text("region_name"),
                    reader.Get<bool>("fictitious"),
                    reader.Get<bool>("published")));
                total = (int)reader.Get<long>("total");
            }
        }

        if (members.Count == 0 && request.Page > 1 && total == 0)
        {
            // A page past the end: count the filter alone, so that the page can offer the last one.
            await using var command = await session.CommandAsync("""
                SELECT count(*) FROM tenants t
                WHERE t.status = 'active' AND (@kind::text IS NULL OR t.kind = @kind) AND (@region::text IS NULL OR t.region_code = @region)
                """, cancellationToken);
            AddFilter(command);
            total = (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        var cells = new Dictionary<(Guid, string), CoverageCell>();
        if (members.Count > 0)
        {
            await using var command = await session.CommandAsync("""
                SELECT DISTINCT ON (v.tenant_id, v.indicator_code) v.tenant_id, v.indicator_code, v.year, v.value, v.visibility
                FROM indicator_values v
                WHERE v.tenant_id = ANY (@members) AND (v.visibility = 'public' OR (@network AND v.visibility = 'network'))
                ORDER BY v.tenant_id, v.indicator_code, v.year DESC
                """, cancellationToken);
            command.Parameters.AddWithValue("members", members.Select(m => m.TenantId).ToArray());
            command.Parameters.AddWithValue("network", viewer.IsNetworkMember);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                cells[(reader.Get<Guid>("tenant_id"), reader.Get<string>("indicator_code"))] = new CoverageCell(
                    reader.Get<int>("year"),
                    reader.Get<decimal>("value"),
                    reader.Get<string>("visibility") == "network" ? ValueVisibility.Network : ValueVisibility.Public);
            }
        }

        var counts = new List<CoverageCount>();
        await using (var command = await session.CommandAsync($"""
            SELECT i.code, e.end_year,
                   (SELECT count(*) FROM comparison_values c
                    WHERE c.indicator_code = i.code AND c.end_year = e.end_year AND c.year > e.end_year - @window
                      AND {(viewer.IsNetworkMember ? "c.network_sees" : "c.public_sees")}
                      AND (@kind::text IS NULL OR c.kind = @kind) AND (@region::text IS NULL OR c.region_code = @region)) AS members
            FROM indicators i
            CROSS JOIN LATERAL (SELECT max(a.year) AS end_year FROM indicator_aggregates a
                                WHERE a.indicator_code = i.code AND a.audience = @audience AND a.group_kind = 'all') e
            """, cancellationToken))
        {
            command.Parameters.AddWithValue("audience", viewer.Audience);
            AddFilter(command);
            command.Parameters.AddWithValue("window", ComparisonWindow.DefaultYears);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts.Add(new CoverageCount(reader.Get<string>("code"), reader.Nullable<int>("end_year"), (int)reader.Get<long>("members")));
            }
        }

        return new CoverageMatrix(members, cells, counts.ToDictionary(c => c.IndicatorCode), total);
    }
}
