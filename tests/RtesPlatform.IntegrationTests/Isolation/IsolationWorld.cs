using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.ApiTokens;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Isolation;

/// <summary>
/// Two tenants, A and B, each with rows in every tenant-owned table (found in the database's
/// information_schema and in the EF model, not listed by hand), their private text carrying a
/// marker; B's real identifiers for the probes; snapshots (hashes) of every tenant-owned table.
/// A table with a tenant_id column that this world does not fill fails the coverage check: add a
/// seed for it in <see cref="SeedRowsAsync"/>.
/// </summary>
internal sealed class IsolationWorld
{
    private IsolationWorld(Tenant a, Tenant b, string markerA, string markerB)
    {
        (A, B, MarkerA, MarkerB) = (a, b, markerA, markerB);
    }

    public Tenant A { get; }

    public Tenant B { get; }

    /// <summary>Text found only in A's rows (drafts, versions, audit, invitations, values).</summary>
    public string MarkerA { get; }

    /// <summary>Text found only in B's rows: never in a response to someone who is not in B's team.</summary>
    public string MarkerB { get; }

    /// <summary>A personal API token of an editor of A (the officers' API ignores the session cookie).</summary>
    public string ApiTokenOfA { get; private set; } = string.Empty;

    /// <summary>B's real identifiers, by kind (version numbers, invitation ids, members, audit events…).</summary>
    public Dictionary<string, List<string>> IdsOfB { get; } = new(StringComparer.Ordinal);

    /// <summary>Every table of the public schema with a tenant_id column, and those of the EF model's ITenantOwned entities.</summary>
    public IReadOnlyList<string> TenantTables { get; private set; } = [];

    /// <summary>Years of B's indicator values (A's are other years, so that (code, year) names B's object only).</summary>
    public static readonly int[] YearsOfB = [2018, 2019, 2020];

    private static readonly int[] _yearsOfA = [2015, 2016, 2017];

    /// <summary>Rows anyone may read (published data); every other row of a tenant-owned table is private.</summary>
    public static readonly IReadOnlyDictionary<string, string> PublicRows = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fiche_versions"] = "EXISTS (SELECT 1 FROM tenants p WHERE p.id = r.tenant_id AND p.status = 'active' AND p.published_version = r.number)",
        ["search_documents"] = "EXISTS (SELECT 1 FROM tenants p WHERE p.id = r.tenant_id AND p.status = 'active' AND p.published_version = r.fiche_version)",
        ["indicator_values"] = "r.visibility = 'public'",
    };

    /// <summary>Rows a signed-in member of any active tenant may also read (the network's shared figures).</summary>
    public static readonly IReadOnlyDictionary<string, string> NetworkRows = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["indicator_values"] = "r.visibility IN ('public', 'network')",
    };

    public static async Task<IsolationWorld> CreateAsync(AccountsFixture fixture)
    {
        var database = fixture.Database;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var world = new IsolationWorld(
            await database.CreateTenantAsync(TestSirens.Next()),
            await database.CreateTenantAsync(TestSirens.Next()),
            $"MARQUEA{suffix}", $"MARQUEB{suffix}");
        world.ApiTokenOfA = await SeedRowsAsync(fixture, world.A, world.MarkerA, _yearsOfA, versions: 2);
        await SeedRowsAsync(fixture, world.B, world.MarkerB, YearsOfB, versions: 3);
        await world.CollectIdsOfBAsync(database);
        world.TenantTables = await TenantTablesAsync(database);
        return world;
    }

    /// <summary>The tables with a tenant_id column, checked against the EF model's tenant-owned entities.</summary>
    public static async Task<IReadOnlyList<string>> TenantTablesAsync(TestDatabase database)
    {
        var fromSchema = (await database.QueryAsAdminAsync<string>("""
            SELECT coalesce(string_agg(c.table_name::text, ',' ORDER BY c.table_name), '')
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
            """)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        List<string> fromModel = [];
        await database.RunWithoutTenantAsync(db =>
        {
            fromModel = [.. db.Model.GetEntityTypes()
                .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
                .Select(t => t.GetTableName()!)];
            return Task.CompletedTask;
        });
        fromModel.ShouldNotBeEmpty();
        fromModel.Where(t => !fromSchema.Contains(t, StringComparer.Ordinal))
            .ShouldBeEmpty("ITenantOwned entities whose table has no tenant_id column");
        return [.. fromSchema.Union(fromModel, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Number of rows of <paramref name="tenant"/> in each tenant-owned table (superuser: what the database holds).</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync(TestDatabase database, Tenant tenant)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in TenantTables)
        {
            counts[table] = await database.QueryAsAdminAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @t", ("t", tenant.Id));
        }

        return counts;
    }

    /// <summary>Fails when a tenant-owned table has no row of A or of B: the suite would prove nothing about it.</summary>
    public async Task ShouldCoverEveryTableAsync(TestDatabase database)
    {
        foreach (var tenant in new[] { A, B })
        {
            var empty = (await RowCountsAsync(database, tenant)).Where(c => c.Value == 0).Select(c => c.Key).ToList();
            empty.ShouldBeEmpty($"tenant-owned tables without rows of {tenant.Slug}: add a seed in Isolation/IsolationWorld.SeedRowsAsync");
        }
    }

    /// <summary>A hash of every row of the tenant in every tenant-owned table (superuser), table by table.</summary>
    public async Task<Dictionary<string, string>> SnapshotAsync(TestDatabase database, Tenant tenant)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in TenantTables)
        {
            snapshot[table] = await database.QueryAsAdminAsync<string>(
                $"SELECT count(*)::text || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') FROM {table} r WHERE r.tenant_id = @t",
                ("t", tenant.Id));
        }

        snapshot["tenants"] = await database.QueryAsAdminAsync<string>("SELECT md5(r::text) FROM tenants r WHERE r.id = @t", ("t", tenant.Id));
        return snapshot;
    }

    private static async Task<string> SeedRowsAsync(AccountsFixture fixture, Tenant tenant, string marker, int[] years, int versions)
    {
        var database = fixture.Database;
        // fiche_versions (history and current), search_documents (trigger), then an unpublished draft.
        for (var v = 1; v <= versions; v++)
        {
            await database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker($"{marker} version {v}"));
        }

        await database.RunAsTenantAsync(tenant, async db =>
        {
            var draft = await db.FicheDrafts.SingleAsync();
            draft.Content = FicheSamples.WithMarker($"{marker} brouillon");
            draft.Revision++;
            await db.SaveChangesAsync();
        });

        // tenant_memberships: an editor of this tenant only.
        var member = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("membre"), "Isolation-RTES-2026!");
        await database.ExecuteAsAdminAsync(
            "INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@t, @u, 'editor', now())",
            ("t", tenant.Id), ("u", member.Id));

        // audit_events and invitations: several, so that the probes have many real ids.
        await database.ExecuteAsAdminAsync("""
            INSERT INTO audit_events (tenant_id, at, user_id, user_name, action, section, details)
            SELECT @t, now() - g * interval '1 minute', 'isolation', @m, 'draft.saved', 'panorama', jsonb_build_object('marker', @m)
            FROM generate_series(1, 40) g
            """, ("t", tenant.Id), ("m", marker));
        for (var i = 0; i < 20; i++)
        {
            await database.ExecuteAsAdminAsync("""
                INSERT INTO invitations (tenant_id, id, email, role, token_hash, created_at, expires_at)
                VALUES (@t, @id, @email, 'editor', @hash, now(), now() + interval '7 days')
                """, ("t", tenant.Id), ("id", Guid.NewGuid()), ("email", $"{marker.ToLowerInvariant()}-{i}@test.example"),
                ("hash", RandomNumberGenerator.GetBytes(32)));
        }

        // indicator_values: one public, one network, one private value, the source naming the tenant.
        string[] visibilities = ["public", "network", "private"];
        for (var i = 0; i < 3; i++)
        {
            await database.ExecuteAsAdminAsync("""
                INSERT INTO indicator_values (tenant_id, indicator_code, year, value, visibility, origin, source_title, updated_at)
                VALUES (@t, 'ess_employees', @y, 4321, @v, 'manual', @s, now())
                """, ("t", tenant.Id), ("y", years[i]), ("v", visibilities[i]), ("s", $"Source {marker} {visibilities[i]}"));
        }

        // campaign_targets and campaign_reminders: one campaign targeting the tenant, reminded once.
        var campaign = Guid.NewGuid();
        await database.ExecuteAsAdminAsync("""
            INSERT INTO campaigns (id, title, message, deadline, stale_before, opened_at)
            VALUES (@c, 'Campagne isolation', 'Message', DATE '2030-01-31', DATE '2029-01-01', now());
            INSERT INTO campaign_targets (campaign_id, tenant_id, published_at) VALUES (@c, @t, now());
            INSERT INTO campaign_reminders (campaign_id, tenant_id, kind, status, claimed_at, sent_at, recipients, attempts)
            VALUES (@c, @t, 'opening', 'sent', now(), now(), ARRAY[@u]::uuid[], 1);
            """, ("c", campaign), ("t", tenant.Id), ("u", member.Id));

        // api_tokens: personal API tokens of the tenant's member, the last one revoked; the first
        // one's secret is kept so the suites can call the officers' API as this tenant.
        var usable = ApiTokenSecrets.NewToken();
        await database.ExecuteAsAdminAsync("""
            INSERT INTO api_tokens (tenant_id, id, name, prefix, secret_hash, created_by, created_at)
            VALUES (@t, @id, @name, @prefix, @hash, @u, now())
            """, ("t", tenant.Id), ("id", Guid.NewGuid()), ("name", $"Jeton {marker} utilisable"),
            ("prefix", usable.Prefix), ("hash", usable.Hash), ("u", member.Id));
        for (var i = 1; i < 5; i++)
        {
            await database.ExecuteAsAdminAsync("""
                INSERT INTO api_tokens (tenant_id, id, name, prefix, secret_hash, created_by, created_at, revoked_at)
                VALUES (@t, @id, @name, @prefix, @hash, @u, now(), CASE WHEN @revoked THEN now() END)
                """, ("t", tenant.Id), ("id", Guid.NewGuid()), ("name", $"Jeton {marker} {i}"),
                ("prefix", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))),
                ("hash", RandomNumberGenerator.GetBytes(32)), ("u", member.Id), ("revoked", i == 4));
        }

        // Network data that names tenants: an import run (no tenant_id, network admins only).
        await database.ExecuteAsAdminAsync("""
            INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_at, status)
            VALUES (@id, @name, convert_to(@m, 'UTF8'), true, now(), 'succeeded')
            """, ("id", Guid.NewGuid()), ("name", $"{marker}.txt"), ("m", marker));
        return usable.Token;
    }

    private async Task CollectIdsOfBAsync(TestDatabase database)
    {
        async Task Add(string kind, string sql)
        {
            var joined = await database.QueryAsAdminAsync<string>(sql, ("t", B.Id));
            IdsOfB[kind] = [.. (joined ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }

        await Add("version", "SELECT string_agg(number::text, ',') FROM fiche_versions WHERE tenant_id = @t");
        await Add("audit-event", "SELECT string_agg(id::text, ',') FROM audit_events WHERE tenant_id = @t");
        await Add("invitation", "SELECT string_agg(id::text, ',') FROM invitations WHERE tenant_id = @t");
        await Add("member", "SELECT string_agg(user_id::text, ',') FROM tenant_memberships WHERE tenant_id = @t");
        await Add("indicator-year", "SELECT string_agg(year::text, ',') FROM indicator_values WHERE tenant_id = @t");
        await Add("campaign", "SELECT string_agg(campaign_id::text, ',') FROM campaign_targets WHERE tenant_id = @t");
        await Add("api-token", "SELECT string_agg(id::text, ',') FROM api_tokens WHERE tenant_id = @t");
        IdsOfB["import-run"] = [.. (await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(id::text, ',') FROM legacy_import_runs WHERE file_name = @n", ("n", $"{MarkerB}.txt"))).Split(',')];
        IdsOfB["tenant"] = [B.Id.ToString(), B.Slug];
        foreach (var (kind, ids) in IdsOfB)
        {
            ids.ShouldNotBeEmpty($"no real id of B of kind {kind}");
        }
    }

    /// <summary>Opens a connection as the application role with the given session settings (empty: none).</summary>
    public static async Task<NpgsqlConnection> OpenAppConnectionAsync(TestDatabase database, Guid? tenant, Guid? user)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        if (tenant is not null || user is not null)
        {
            await using var command = new NpgsqlCommand(
                "SELECT set_config('app.tenant_id', @t, false), set_config('app.user_id', @u, false)", connection);
            command.Parameters.AddWithValue("t", tenant?.ToString() ?? string.Empty);
            command.Parameters.AddWithValue("u", user?.ToString() ?? string.Empty);
            await command.ExecuteNonQueryAsync();
        }

        return connection;
    }

    public static string Describe(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(", ", before.Where(b => !after.TryGetValue(b.Key, out var a) || a != b.Value).Select(b => b.Key));

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Signs in a member of <paramref name="tenant"/> only (reuses the authorization matrix's accounts).</summary>
    public static Task<AccountClient> MemberAsync(AccountsFixture fixture, Tenant tenant, string role = TenantRole.Admin) =>
        new MatrixAccounts(fixture).SignedInMemberAsync(tenant, role);

    /// <summary>A signed-in user who belongs to no tenant.</summary>
    public static async Task<AccountClient> OutsiderAsync(AccountsFixture fixture)
    {
        const string Password = "Isolation-RTES-2026!";
        var email = AccountsFixture.UniqueEmail("sans-collectivite");
        await fixture.CreateUserAsync(email, Password);
        var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(email, Password);
        signIn.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, "sign-in of the user without tenant");
        return client;
    }

    /// <summary>Runs <paramref name="action"/> with EF Core as the application, tenant A or none, the query filters ignored.</summary>
    public static Task RunAsync(TestDatabase database, Tenant? tenant, Func<RtesDbContext, Task> action) =>
        tenant is null ? database.RunWithoutTenantAsync(action) : database.RunAsTenantAsync(tenant, action);
}
