using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Data;

/// <summary>
/// Every generated migration's Down runs: on a scratch database, all migrations up, down to
/// <c>Baseline</c>, up again; the schema after Down is the one a database migrated only to Baseline has,
/// and after the second Up the one of the first. Below Baseline, the hand-written migrations are not
/// reversible as a whole (HardenAggregates' Down drops a function its triggers still use) and, released,
/// they are frozen: going down past Baseline is not supported.
/// </summary>
public sealed class MigrationRoundTripTests
{
    [Fact]
    public async Task Migrations_UpDownToBaselineUp_RestoreTheBaselineSchemaAndRebuildTheSameSchema()
    {
        var cluster = await PostgresCluster.GetAsync();
        var roundTrip = await ScratchDatabaseAsync(cluster);
        var baselineOnly = await ScratchDatabaseAsync(cluster);
        try
        {
            await using var db = Context(cluster, roundTrip);
            var migrator = db.GetService<IMigrator>();
            var baseline = db.Database.GetMigrations().Single(m => m.EndsWith("_Baseline", StringComparison.Ordinal));
            await using (var reference = Context(cluster, baselineOnly))
            {
                await reference.GetService<IMigrator>().MigrateAsync(baseline);
            }

            var atBaseline = await SchemaAsync(cluster, baselineOnly);

            await migrator.MigrateAsync();
            var afterFirstUp = await SchemaAsync(cluster, roundTrip);
            await migrator.MigrateAsync(baseline);
            var afterDown = await SchemaAsync(cluster, roundTrip);
            await migrator.MigrateAsync();
            var afterSecondUp = await SchemaAsync(cluster, roundTrip);

            // Every generated migration (from Baseline on) went down: what is left is what Baseline had.
            db.Database.GetMigrations().SkipWhile(m => m != baseline).Count().ShouldBeGreaterThan(1);
            afterFirstUp.ShouldContain(s => s.StartsWith("column fiche_versions.", StringComparison.Ordinal));
            Differences(atBaseline, afterDown).ShouldBeEmpty();
            Differences(afterFirstUp, afterSecondUp).ShouldBeEmpty();
            (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        }
        finally
        {
            await cluster.ExecuteAdminAsync($"DROP DATABASE IF EXISTS {roundTrip} WITH (FORCE)");
            await cluster.ExecuteAdminAsync($"DROP DATABASE IF EXISTS {baselineOnly} WITH (FORCE)");
        }
    }

    private static async Task<string> ScratchDatabaseAsync(PostgresCluster cluster)
    {
        var name = "rtes_roundtrip_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.ExecuteAdminAsync($"CREATE DATABASE {name} OWNER {PostgresCluster.OwnerRole}");
        return name;
    }

    private static RtesDbContext Context(PostgresCluster cluster, string database) =>
        new(new DbContextOptionsBuilder<RtesDbContext>()
            .UseNpgsql(cluster.ConnectionString(database, PostgresCluster.OwnerRole, pooling: false)).Options, new TenantContext());

    private static List<string> Differences(List<string> expected, List<string> actual) =>
        expected.Except(actual).Select(e => "lost: " + e).Concat(actual.Except(expected).Select(a => "left over: " + a)).ToList();

    /// <summary>What the public schema holds: columns, constraints, indexes, policies, functions, triggers, types.</summary>
    private static async Task<List<string>> SchemaAsync(PostgresCluster cluster, string database)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString(database, PostgresCluster.OwnerRole, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'constraint ' || t.relname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
            FROM pg_policies WHERE schemaname = 'public'
            UNION ALL
            SELECT 'row security ' || relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND (relrowsecurity OR relforcerowsecurity)
            UNION ALL
            SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(p.prosrc)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'trigger ' || c.relname || '.' || t.tgname
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal
            UNION ALL
            SELECT 'relation ' || c.relkind::text || ' ' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S')
            UNION ALL
            SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var schema = new List<string>();
        while (await reader.ReadAsync())
        {
            schema.Add(reader.GetString(0));
        }

        return schema;
    }
}
