using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Data;

/// <summary>
/// The migrations are written by hand (no snapshot, so HasPendingModelChanges is always true):
/// these tests compare what they create with the EF Core model instead.
/// </summary>
public sealed class SchemaDriftTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task MigratedSchema_EveryModelColumn_ExistsWithCompatibleTypeAndNullability()
    {
        var problems = await ModelColumnProblemsAsync(database);

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ModelColumnProblems_ColumnAlteredBehindTheModel_AreReported()
    {
        var altered = new TestDatabase();
        await altered.InitializeAsync();
        try
        {
            await altered.ExecuteAsAdminAsync(
                """
                ALTER TABLE tenants ALTER COLUMN name TYPE character varying(150);
                ALTER TABLE tenants ALTER COLUMN address SET NOT NULL;
                ALTER TABLE themes DROP COLUMN label_en;
                """);

            var problems = await ModelColumnProblemsAsync(altered);

            problems.Count.ShouldBe(3);
            problems.ShouldContain(p => p.StartsWith("tenants.name: model type character varying(200)", StringComparison.Ordinal));
            problems.ShouldContain(p => p.StartsWith("tenants.address: model nullable True", StringComparison.Ordinal));
            problems.ShouldContain(p => p.StartsWith("themes.label_en", StringComparison.Ordinal));
        }
        finally
        {
            await altered.DisposeAsync();
        }
    }

    private static async Task<List<string>> ModelColumnProblemsAsync(TestDatabase target)
    {
        var columns = await DatabaseColumnsAsync(target);
        await using var db = OwnerContext(target);
        var problems = new List<string>();

        foreach (var entityType in db.Model.GetEntityTypes())
        {
            var table = entityType.GetTableName().ShouldNotBeNull();
            var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());
            foreach (var property in entityType.GetProperties())
            {
                var column = property.GetColumnName(storeObject).ShouldNotBeNull();
                if (!columns.TryGetValue((table, column), out var actual))
                {
                    problems.Add($"{table}.{column} ({entityType.ClrType.Name}.{property.Name}) is missing");
                    continue;
                }

                var expectedType = Normalise(property.GetColumnType(storeObject));
                if (expectedType != actual.Type)
                {
                    problems.Add($"{table}.{column}: model type {expectedType}, database type {actual.Type}");
                }

                if (property.IsColumnNullable(storeObject) != actual.Nullable)
                {
                    problems.Add($"{table}.{column}: model nullable {property.IsColumnNullable(storeObject)}, database nullable {actual.Nullable}");
                }
            }
        }

        return problems;
    }

    [Fact]
    public async Task MigratedSchema_EveryColumnOfAMappedTable_IsInTheModel()
    {
        var columns = await DatabaseColumnsAsync(database);
        await using var db = OwnerContext(database);
        var mapped = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p =>
                (Table: e.GetTableName()!, Column: p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))!)))
            .ToHashSet();
        var tables = mapped.Select(m => m.Table).ToHashSet(StringComparer.Ordinal);

        var unmapped = columns.Keys.Where(c => tables.Contains(c.Table) && !mapped.Contains(c)).ToList();

        // Not an exact count: every feature adds tables; these stand for the data, accounts and tenancy.
        tables.ShouldContain("tenants");
        tables.ShouldContain("fiche_versions");
        tables.ShouldContain("asp_net_users");
        tables.ShouldContain("tenant_memberships");
        tables.ShouldContain("audit_events");
        unmapped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrations_AfterMigrate_NonePending()
    {
        await using var db = OwnerContext(database);

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        pending.ShouldBeEmpty();
        applied.ShouldBe(db.Database.GetMigrations());
        applied.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Model_ComparedWithTheSnapshot_HasNoPendingChanges()
    {
        await using var db = OwnerContext(database);

        // Fails when an entity or configuration changed without `./rtes ef migrations add NAME`.
        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    private static RtesDbContext OwnerContext(TestDatabase target) =>
        new(new DbContextOptionsBuilder<RtesDbContext>().UseNpgsql(target.OwnerConnectionString).Options, new TenantContext());

    private static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> DatabaseColumnsAsync(TestDatabase target)
    {
        await using var connection = new NpgsqlConnection(target.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable
            FROM information_schema.columns
            WHERE table_schema = 'public'
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<(string, string), (string, bool)>();
        while (await reader.ReadAsync())
        {
            var dataType = reader.GetString(2);
            var type = dataType switch
            {
                "ARRAY" => reader.GetString(3).TrimStart('_') + "[]",
                "character varying" or "character" when !reader.IsDBNull(4) => $"{dataType}({reader.GetInt32(4)})",
                _ => dataType,
            };
            columns[(reader.GetString(0), reader.GetString(1))] = (Normalise(type), reader.GetString(5) == "YES");
        }

        return columns;
    }

    /// <summary>Spells types the way information_schema does ("varchar(80)" and "character varying(80)" are one type).</summary>
    private static string Normalise(string? type) => (type ?? "").Trim().ToLowerInvariant() switch
    {
        var t when t.StartsWith("varchar", StringComparison.Ordinal) => "character varying" + t["varchar".Length..],
        var t when t.StartsWith("char(", StringComparison.Ordinal) => "character" + t["char".Length..],
        "int" or "int4" => "integer",
        "int8" => "bigint",
        "bool" => "boolean",
        "timestamptz" => "timestamp with time zone",
        "_text" => "text[]",
        // information_schema.columns.data_type carries no precision: numeric(20,4) reads "numeric".
        var t when t.StartsWith("numeric(", StringComparison.Ordinal) => "numeric",
        var t => t,
    };
}
