using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Accounts;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Isolation;

/// <summary>
/// Issue 9, item 1, database level: connected as the application role (not the owner, no
/// BYPASSRLS), with the EF Core query filters ignored or with raw SQL, every tenant-owned table
/// (found in information_schema) refuses private rows to a session without a tenant, and to a
/// session of tenant A the private rows of B; INSERT, UPDATE and DELETE of B's rows fail or touch
/// nothing. Only published data (current fiche versions, their search documents, public values)
/// is readable by everyone, and network values by signed-in members of the network.
/// </summary>
public sealed class DatabaseIsolationTests(AccountsFixture fixture, ITestOutputHelper output) : IClassFixture<AccountsFixture>
{
    private static readonly MethodInfo _countOfTenant = typeof(DatabaseIsolationTests)
        .GetMethod(nameof(CountOfTenantAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private enum Session
    {
        NoTenant,
        TenantA,
        MemberOfAWithoutTenant,
    }

    [Fact]
    public async Task RawSql_AsAppRole_NoTenantOrOtherTenant_SeesNoPrivateRowOfB()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        await world.ShouldCoverEveryTableAsync(fixture.Database);
        var memberOfA = await MemberIdAsync(world);
        var checkedCount = 0;

        foreach (var session in Enum.GetValues<Session>())
        {
            await using var connection = await OpenAsync(world, session, memberOfA);
            foreach (var table in world.TenantTables)
            {
                // A session with a signed-in member of the network also reads the network's shared values.
                var readable = session == Session.NoTenant
                    ? IsolationWorld.PublicRows.GetValueOrDefault(table) ?? "false"
                    : IsolationWorld.NetworkRows.GetValueOrDefault(table) ?? IsolationWorld.PublicRows.GetValueOrDefault(table) ?? "false";
                (await ScalarAsync(connection, $"SELECT count(*) FROM {table} r WHERE r.tenant_id = @b AND NOT ({readable})", world.B.Id))
                    .ShouldBe(0, $"{table}, {session}: private rows of B visible");
                (await ScalarAsync(connection, $"SELECT count(*) FROM {table} r WHERE r.tenant_id = @b AND ({readable})", world.B.Id))
                    .ShouldBe(await fixture.Database.QueryAsAdminAsync<long>(
                        $"SELECT count(*) FROM {table} r WHERE r.tenant_id = @b AND ({readable})", ("b", world.B.Id)), $"{table}, {session}: published rows of B");
                if (session == Session.TenantA)
                {
                    // A's own rows are all there: the policies do not simply hide everything.
                    (await ScalarAsync(connection, $"SELECT count(*) FROM {table} r WHERE r.tenant_id = @b", world.A.Id))
                        .ShouldBe(await fixture.Database.QueryAsAdminAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @a", ("a", world.A.Id)), $"{table}: A's own rows");
                }

                checkedCount++;
            }
        }

        output.WriteLine($"{checkedCount} table × session reads checked over {world.TenantTables.Count} tables: {string.Join(", ", world.TenantTables)}");
    }

    [Fact]
    public async Task RawSql_AsAppRole_WritesToRowsOfB_FailOrTouchNothing()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        var memberOfA = await MemberIdAsync(world);
        var before = await world.SnapshotAsync(fixture.Database, world.B);
        var outcomes = new List<string>();
        var failures = new List<string>();

        foreach (var session in Enum.GetValues<Session>())
        {
            await using var connection = await OpenAsync(world, session, memberOfA);
            foreach (var table in world.TenantTables)
            {
                var rowOfB = await fixture.Database.QueryAsAdminAsync<string>(
                    $"SELECT row_to_json(r)::text FROM {table} r WHERE r.tenant_id = @b LIMIT 1", ("b", world.B.Id));
                var attempts = new (string Name, string Sql, bool MustFail)[]
                {
                    ("insert", $"INSERT INTO {table} OVERRIDING SYSTEM VALUE SELECT (json_populate_record(NULL::{table}, @row::json)).*", true),
                    ("update", $"UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = @b", false),
                    ("delete", $"DELETE FROM {table} WHERE tenant_id = @b", false),
                    ("move own row to B", $"UPDATE {table} SET tenant_id = @b WHERE tenant_id = @a", false),
                };
                foreach (var (name, sql, mustFail) in attempts)
                {
                    var (rows, state) = await TryAsync(connection, sql, world, rowOfB);
                    outcomes.Add($"{table} {name} {session}: {state ?? rows + " row(s)"}");
                    var refused = state == PostgresErrorCodes.InsufficientPrivilege;
                    if (state is not null && !refused)
                    {
                        failures.Add($"{table} {name} as {session}: failed with {state}, expected 42501 (refused by grants or row-level security)");
                    }
                    else if (!refused && (mustFail || rows != 0))
                    {
                        failures.Add($"{table} {name} as {session}: {rows} row(s) written");
                    }
                }
            }
        }

        foreach (var outcome in outcomes)
        {
            output.WriteLine(outcome);
        }

        failures.ShouldBeEmpty();
        IsolationWorld.Describe(before, await world.SnapshotAsync(fixture.Database, world.B)).ShouldBeEmpty();
    }

    [Fact]
    public async Task EfCore_QueryFiltersIgnored_NoTenantOrTenantA_ReturnsOnlyPublishedRowsOfB()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        List<(string Table, Type Clr)> entities = [];
        await fixture.Database.RunWithoutTenantAsync(db =>
        {
            entities = [.. db.Model.GetEntityTypes()
                .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
                .Select(t => (t.GetTableName()!, t.ClrType))];
            return Task.CompletedTask;
        });
        entities.Count.ShouldBeGreaterThanOrEqualTo(6);

        foreach (var tenant in new Tenant?[] { null, world.A })
        {
            foreach (var (table, clr) in entities)
            {
                var published = IsolationWorld.PublicRows.GetValueOrDefault(table) ?? "false";
                var expected = await fixture.Database.QueryAsAdminAsync<long>(
                    $"SELECT count(*) FROM {table} r WHERE r.tenant_id = @b AND ({published})", ("b", world.B.Id));
                var all = await fixture.Database.QueryAsAdminAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @b", ("b", world.B.Id));
                long seen = -1;
                await IsolationWorld.RunAsync(fixture.Database, tenant, async db =>
                    seen = await (Task<long>)_countOfTenant.MakeGenericMethod(clr).Invoke(null, [db, world.B.Id])!);
                seen.ShouldBe(expected, $"{clr.Name} with {(tenant is null ? "no tenant" : "tenant A")}, filters ignored: B has {all} row(s), {expected} published");
                all.ShouldBeGreaterThan(expected, $"{table}: B has no private row, the check would prove nothing");
            }
        }
    }

    [Fact]
    public async Task CampaignRows_NoTenantNoUser_Invisible_NetworkAdminReadsButCannotWrite()
    {
        var world = await IsolationWorld.CreateAsync(fixture);
        var admin = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("reseau"), "Reseau-RTES-2026!", role: Core.Features.Accounts.NetworkRoles.NetworkAdmin);
        var all = await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM campaign_targets");

        await using (var anonymous = await IsolationWorld.OpenAppConnectionAsync(fixture.Database, null, null))
        {
            (await ScalarAsync(anonymous, "SELECT count(*) FROM campaign_targets", world.B.Id)).ShouldBe(0);
            (await ScalarAsync(anonymous, "SELECT count(*) FROM campaign_reminders", world.B.Id)).ShouldBe(0);
        }

        await using var console = await IsolationWorld.OpenAppConnectionAsync(fixture.Database, null, admin.Id);
        (await ScalarAsync(console, "SELECT count(*) FROM campaign_targets", world.B.Id)).ShouldBe(all);
        (await ScalarAsync(console, "SELECT count(*) FROM campaign_reminders WHERE tenant_id = @b", world.B.Id)).ShouldBe(1);
        var (rows, state) = await TryAsync(console, "UPDATE campaign_targets SET first_visit_at = now() WHERE tenant_id = @b", world, null);
        (state ?? rows.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldBe("0");
    }

    private static Task<long> CountOfTenantAsync<T>(RtesDbContext db, Guid tenant)
        where T : class, ITenantOwned =>
        db.Set<T>().IgnoreQueryFilters([RtesDbContext.TenantFilter]).LongCountAsync(e => e.TenantId == tenant);

    private async Task<Guid> MemberIdAsync(IsolationWorld world) =>
        Guid.Parse(await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT user_id::text FROM tenant_memberships WHERE tenant_id = @a LIMIT 1", ("a", world.A.Id)));

    private Task<NpgsqlConnection> OpenAsync(IsolationWorld world, Session session, Guid memberOfA) => session switch
    {
        Session.NoTenant => IsolationWorld.OpenAppConnectionAsync(fixture.Database, null, null),
        Session.TenantA => IsolationWorld.OpenAppConnectionAsync(fixture.Database, world.A.Id, memberOfA),
        _ => IsolationWorld.OpenAppConnectionAsync(fixture.Database, null, memberOfA),
    };

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, Guid tenant)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("b", tenant);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs a write in a transaction that is rolled back: rows affected, or the SQLSTATE it failed with.</summary>
    private static async Task<(int Rows, string? State)> TryAsync(NpgsqlConnection connection, string sql, IsolationWorld world, string? row)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("b", world.B.Id);
            command.Parameters.AddWithValue("a", world.A.Id);
            command.Parameters.AddWithValue("row", row ?? "{}");
            return (await command.ExecuteNonQueryAsync(), null);
        }
        catch (PostgresException e)
        {
            return (0, e.SqlState);
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }
}
