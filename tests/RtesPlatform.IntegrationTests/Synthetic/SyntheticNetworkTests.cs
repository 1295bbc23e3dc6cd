using System.Globalization;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Synthetic;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Synthetic;

/// <summary>
/// The synthetic network generator on a small scope (the 200 most populous reference records,
/// 3 indicators, 3 years): what it writes, that a second run changes nothing, that the table is
/// left as the migrations made it (row-level security forced, triggers, keys and indexes), and that
/// an existing member's rows are never touched.
/// </summary>
public sealed class SyntheticNetworkTests : IAsyncLifetime
{
    // A database per test (not per class): each test runs the generator on a network of its own.
    private readonly TestDatabase _database = new();
    private static readonly SyntheticNetworkScope _scope = new(MaxTenants: 200, IndicatorCount: 3, FirstYear: 2023, YearCount: 3);

    [Fact]
    public async Task Run_Twice_WritesTheSameNetworkOnceAndLeavesTheTableGuarded()
    {
        // A real member among the 200 most populous records (CA de La Rochelle), with a value of its own.
        var member = await _database.CreateTenantAsync("241700434");
        await _database.RunAsTenantAsync(member, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                TenantId = member.Id,
                IndicatorCode = "budget_total",
                Year = 2024,
                Value = 123_456m,
                Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var network = new SyntheticNetwork(_database.OwnerConnectionString, TimeProvider.System);

        var first = await network.RunAsync(_scope, null, CancellationToken.None);
        var firstValues = await ValuesFingerprintAsync();
        var firstSlugs = await _database.QueryAsAdminAsync<string>("SELECT string_agg(slug, ',' ORDER BY slug) FROM tenants");
        var second = await network.RunAsync(_scope, null, CancellationToken.None);

        first.TenantsCreated.ShouldBe(199);
        first.TenantsSkipped.ShouldBe(1);
        first.ValuesWritten.ShouldBeInRange(199 * 3 * 3 * 8 / 10, 199 * 3 * 3);
        (second.TenantsCreated, second.TenantsReused, second.TenantsSkipped).ShouldBe((0, 199, 1));
        second.ValuesDeleted.ShouldBe(first.ValuesWritten);
        second.ValuesWritten.ShouldBe(first.ValuesWritten);
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(200);
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_values WHERE origin = 'synthetic'")).ShouldBe(first.ValuesWritten);
        (await _database.QueryAsAdminAsync<long>(
            "SELECT count(DISTINCT (indicator_code, year)) FROM indicator_values WHERE origin = 'synthetic'")).ShouldBe(9);
        (await ValuesFingerprintAsync()).ShouldBe(firstValues);
        (await _database.QueryAsAdminAsync<string>("SELECT string_agg(slug, ',' ORDER BY slug) FROM tenants")).ShouldBe(firstSlugs);
        (await _database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM tenants WHERE population IS NULL OR region_name IS NULL OR departement_name IS NULL OR population_vintage IS NULL"))
            .ShouldBe(0);

        // The member: its own value only, unchanged.
        (await _database.QueryAsAdminAsync<string>(
            "SELECT string_agg(indicator_code || ':' || year || ':' || value || ':' || origin, ',') FROM indicator_values WHERE tenant_id = @t",
            ("t", member.Id))).ShouldBe("budget_total:2024:123456.0000:manual");
        (await _database.QueryAsAdminAsync<string>("SELECT name || '|' || slug FROM tenants WHERE id = @t", ("t", member.Id)))
            .ShouldBe($"{member.Name}|{member.Slug}");
    }

    [Fact]
    public async Task Run_LeavesRowLevelSecurityForcedTriggersEnabledAndKeysInPlace()
    {
        await new SyntheticNetwork(_database.OwnerConnectionString, TimeProvider.System).RunAsync(_scope, null, CancellationToken.None);

        (await _database.QueryAsAdminAsync<bool>(
            "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = 'indicator_values'::regclass")).ShouldBeTrue();
        (await _database.QueryAsAdminAsync<string>("""
            SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger
            WHERE tgrelid = 'indicator_values'::regclass AND NOT tgisinternal
            """)).ShouldBe("notify_public_delete=O,notify_public_insert=O,notify_public_truncate=O,notify_public_update=O,queue_aggregates_delete=O,queue_aggregates_insert=O,queue_aggregates_update_new=O");
        (await _database.QueryAsAdminAsync<string>("""
            SELECT string_agg(conname || ':' || contype::text, ',' ORDER BY conname) FROM pg_constraint
            WHERE conrelid = 'indicator_values'::regclass AND contype IN ('p', 'f')
            """)).ShouldBe("fk_indicator_values_indicators_indicator_code:f,fk_indicator_values_tenants_tenant_id:f,pk_indicator_values:p");
        (await _database.QueryAsAdminAsync<string>(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_indicator_values_indicator_code_year'"))
            .ShouldBe("CREATE INDEX ix_indicator_values_indicator_code_year ON public.indicator_values USING btree (indicator_code, year) INCLUDE (tenant_id, value, visibility)");
        // With FORCE back on, the application role without a tenant sees public values only.
        (await _database.QueryAsAppAsync<long>("SELECT count(*) FROM indicator_values WHERE visibility <> 'public'")).ShouldBe(0);
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_values WHERE visibility <> 'public'")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Run_RefreshesAggregatesEqualToALiveComputation()
    {
        await new SyntheticNetwork(_database.OwnerConnectionString, TimeProvider.System).RunAsync(_scope, null, CancellationToken.None);
        const string Code = "budget_total";

        var stored = await _database.QueryAsAdminAsync<string>("""
            SELECT member_count || '|' || round(median::numeric, 6) || '|' || round(per_capita_q1::numeric, 6) || '|' || round(per_capita_q3::numeric, 6)
            FROM indicator_aggregates
            WHERE indicator_code = @code AND year = 2024 AND audience = 'public' AND group_kind = 'all' AND group_key = ''
            """, ("code", Code));
        var live = await _database.QueryAsAdminAsync<string>("""
            SELECT count(*) || '|' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY v.value::float8)::numeric, 6)
                   || '|' || round(percentile_cont(0.25) WITHIN GROUP (ORDER BY v.value::float8 * i.per_capita_base / t.population)::numeric, 6)
                   || '|' || round(percentile_cont(0.75) WITHIN GROUP (ORDER BY v.value::float8 * i.per_capita_base / t.population)::numeric, 6)
            FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id JOIN indicators i ON i.code = v.indicator_code
            WHERE v.indicator_code = @code AND v.year = 2024 AND v.visibility = 'public' AND t.status = 'active'
            """, ("code", Code));

        stored.ShouldBe(live);
        int.Parse(stored.Split('|')[0], CultureInfo.InvariantCulture).ShouldBeGreaterThan(100);
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregate_queue")).ShouldBe(0);
    }

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private Task<string> ValuesFingerprintAsync() => _database.QueryAsAdminAsync<string>("""
        SELECT md5(string_agg(t.slug || v.indicator_code || v.year || v.value || v.visibility, ',' ORDER BY t.slug, v.indicator_code, v.year))
        FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id WHERE v.origin = 'synthetic'
        """);
}
