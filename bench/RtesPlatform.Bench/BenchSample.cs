using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Bench;

/// <summary>What the comparison queries are run on: indicators, years and members drawn from the database.</summary>
internal sealed class BenchSample
{
    private static readonly Guid _networkAdminId = Guid.Parse("0190b0a0-0000-7000-8000-00000000be9c");

    public long Tenants { get; private init; }
    public long Values { get; private init; }
    public long Aggregates { get; private init; }
    public List<string> PerCapitaCodes { get; } = [];
    public List<int> Years { get; } = [];
    public List<(Guid Id, TenantKind Kind, string RegionCode)> Members { get; } = [];

    public (string Code, int Year) PerCapitaPick(Random random) =>
        (PerCapitaCodes[random.Next(PerCapitaCodes.Count)], Years[random.Next(Years.Count)]);

    public static async Task<BenchSample> LoadAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SELECT (SELECT count(*) FROM tenants), (SELECT count(*) FROM indicator_values), (SELECT count(*) FROM indicator_aggregates)"),
                new("""
                    SELECT i.code FROM indicators i
                    WHERE i.per_capita_base IS NOT NULL
                      AND EXISTS (SELECT 1 FROM indicator_aggregates a WHERE a.indicator_code = i.code AND a.group_kind = 'kind_region')
                    ORDER BY i.sort_order
                    """),
                new("SELECT DISTINCT year FROM indicator_aggregates WHERE group_kind = 'all' ORDER BY year"),
                new("""
                    SELECT id, kind, region_code FROM tenants
                    WHERE region_code IS NOT NULL AND status = 'active' ORDER BY md5(id::text) LIMIT 2000
                    """),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var sample = new BenchSample { Tenants = reader.GetInt64(0), Values = reader.GetInt64(1), Aggregates = reader.GetInt64(2) };
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            sample.PerCapitaCodes.Add(reader.GetString(0));
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            sample.Years.Add(reader.GetInt32(0));
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            sample.Members.Add((reader.GetGuid(0), TenantKindLabels.FromCode(reader.GetString(1)) ?? TenantKind.Other, reader.GetString(2)));
        }

        if (sample.PerCapitaCodes.Count == 0 || sample.Years.Count == 0 || sample.Members.Count == 0)
        {
            throw new InvalidOperationException("The database holds no comparable values: run ./rtes seed-synthetic.");
        }

        return sample;
    }

    /// <summary>A network admin account (no password: it cannot sign in) for the network audience.</summary>
    public static async Task<Guid> EnsureNetworkAdminAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO asp_net_roles (id, name, normalized_name, concurrency_stamp)
            SELECT gen_random_uuid(), @role, upper(@role), gen_random_uuid()::text
            WHERE NOT EXISTS (SELECT 1 FROM asp_net_roles WHERE normalized_name = upper(@role));
            INSERT INTO asp_net_users (id, display_name, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                                       security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@id, 'Bench network admin', 'bench-network-admin@bench.invalid', 'BENCH-NETWORK-ADMIN@BENCH.INVALID',
                    'bench-network-admin@bench.invalid', 'BENCH-NETWORK-ADMIN@BENCH.INVALID', true,
                    gen_random_uuid()::text, gen_random_uuid()::text, false, false, true, 0)
            ON CONFLICT (id) DO NOTHING;
            INSERT INTO asp_net_user_roles (user_id, role_id)
            SELECT @id, id FROM asp_net_roles WHERE normalized_name = upper(@role)
            ON CONFLICT DO NOTHING;
            """, connection);
        command.Parameters.AddWithValue("role", NetworkRoles.NetworkAdmin);
        command.Parameters.AddWithValue("id", _networkAdminId);
        await command.ExecuteNonQueryAsync();
        return _networkAdminId;
    }

    /// <summary>The baseline: kind × région quartiles per inhabitant computed from the values, as the app role, public values.</summary>
    public static async Task LiveKindRegionQuartilesAsync(IServiceProvider services, string code, int year)
    {
        await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            SELECT t.kind, t.region_code, count(*),
                   percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY v.value::float8 * i.per_capita_base / t.population)
            FROM indicator_values v
            JOIN tenants t ON t.id = v.tenant_id
            JOIN indicators i ON i.code = v.indicator_code
            WHERE v.indicator_code = @code AND v.year = @year AND v.visibility = 'public'
              AND t.status = 'active' AND t.population > 0
            GROUP BY t.kind, t.region_code
            """);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetFieldValue<double[]>(3);
        }
    }
}
