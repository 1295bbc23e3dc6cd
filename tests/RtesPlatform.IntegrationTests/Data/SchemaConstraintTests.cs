using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Data;

/// <summary>
/// The migrated database against the EF Core model, beyond the columns (<see cref="SchemaDriftTests"/>):
/// primary keys, foreign keys (columns, principal and ON DELETE), unique indexes and constraints,
/// check constraints and concurrency tokens. Each comparison runs both ways on the tables the model maps:
/// what the model declares must exist, and what the database enforces must be declared.
/// </summary>
public sealed class SchemaConstraintTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task MigratedSchema_PrimaryKeys_MatchTheModel()
    {
        var (model, actual) = await LoadAsync(database);

        var expected = model.Tables.Where(t => t.PrimaryKey is not null)
            .Select(t => $"{t.Name}: {t.PrimaryKey!.Name} ({Columns(t.PrimaryKey.Columns)})");

        Differences(expected, actual.Where(c => c.Type == 'p').Select(c => $"{c.Table}: {c.Name} ({c.Columns})"))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task MigratedSchema_ForeignKeys_MatchTheModel()
    {
        var (model, actual) = await LoadAsync(database);

        var expected = model.Tables.SelectMany(t => t.ForeignKeyConstraints).Select(fk =>
            $"{fk.Table.Name}: {fk.Name} ({Columns(fk.Columns)}) -> {fk.PrincipalTable.Name} ({Columns(fk.PrincipalColumns)}) on delete {fk.OnDeleteAction}");

        Differences(expected, actual.Where(c => c.Type == 'f').Select(c =>
                $"{c.Table}: {c.Name} ({c.Columns}) -> {c.PrincipalTable} ({c.PrincipalColumns}) on delete {OnDelete(c.OnDelete)}"))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task MigratedSchema_UniqueIndexesAndConstraints_MatchTheModel()
    {
        var (model, actual) = await LoadAsync(database);

        var expected = model.Tables.SelectMany(t => t.Indexes).Where(i => i.IsUnique)
            .Select(i => $"{i.Table.Name}: unique index {i.Name} ({Columns(i.Columns)}){Include(i)}{Filter(i.Filter)}")
            .Concat(model.Tables.SelectMany(t => t.UniqueConstraints).Where(u => !u.GetIsPrimaryKey())
                .Select(u => $"{u.Table.Name}: unique constraint {u.Name} ({Columns(u.Columns)})"));
        var inDatabase = actual.Where(c => c.Type == 'i')
            .Select(c => $"{c.Table}: unique index {c.Name} ({c.Columns}){Include(c.PrincipalColumns)}{Filter(c.Definition)}")
            .Concat(actual.Where(c => c.Type == 'u').Select(c => $"{c.Table}: unique constraint {c.Name} ({c.Columns})"));

        Differences(expected, inDatabase).ShouldBeEmpty();
    }

    [Fact]
    public async Task MigratedSchema_NonUniqueModelIndexes_Exist()
    {
        var (model, _) = await LoadAsync(database);
        var indexes = await DatabaseIndexesAsync(database);

        // The database may hold more (GIN and trigram indexes written in SQL); what the model declares must be there.
        var missing = model.Tables.SelectMany(t => t.Indexes).Where(i => !i.IsUnique)
            .Select(i => $"{i.Table.Name}: index {i.Name} ({Columns(i.Columns)}){Include(i)}")
            .Where(i => !indexes.Contains(i))
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task MigratedSchema_CheckConstraints_MatchTheModel()
    {
        var (model, actual) = await LoadAsync(database);

        var expected = new List<string>();
        foreach (var table in model.Tables)
        {
            foreach (var check in table.CheckConstraints)
            {
                expected.Add($"{table.Name}: {check.Name} {await SpeltByPostgresAsync(database, table.Name, check.Sql)}");
            }
        }

        // Tenants and indicators carry the network's vocabulary: they must be among the checks.
        expected.ShouldContain(e => e.StartsWith("tenants: ck_tenants_status ", StringComparison.Ordinal));
        expected.ShouldContain(e => e.StartsWith("indicators: ck_indicators_unit ", StringComparison.Ordinal));
        Differences(expected, actual.Where(c => c.Type == 'c').Select(c => $"{c.Table}: {c.Name} {c.Definition}"))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task Model_ConcurrencyTokens_AreTheSnapshotsAndMapToExistingColumns()
    {
        await using var db = OwnerContext(database);
        var model = DesignTimeModel(db);
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot.ShouldNotBeNull().Model;
        var columns = await DatabaseColumnNamesAsync(database);

        var tokens = ConcurrencyTokens(model);

        // Identity's stamps and the draft's revision: optimistic concurrency the pages rely on.
        tokens.ShouldContain("fiche_drafts.revision");
        tokens.ShouldContain("asp_net_users.concurrency_stamp");
        Differences(tokens, ConcurrencyTokens(snapshot)).ShouldBeEmpty();
        tokens.Where(t => !columns.Contains(t)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ConstraintComparison_ConstraintsChangedBehindTheModel_AreReported()
    {
        var altered = new TestDatabase();
        await altered.InitializeAsync();
        try
        {
            var (model, before) = await LoadAsync(altered);
            var fk = model.Tables.SelectMany(t => t.ForeignKeyConstraints).First(f => f.OnDeleteAction == ReferentialAction.Cascade);
            var unique = model.Tables.SelectMany(t => t.Indexes).First(i => i.IsUnique);
            await altered.ExecuteAsAdminAsync(
                $"""
                ALTER TABLE {fk.Table.Name} DROP CONSTRAINT {fk.Name};
                ALTER TABLE {fk.Table.Name} ADD CONSTRAINT {fk.Name} FOREIGN KEY ({Columns(fk.Columns)})
                    REFERENCES {fk.PrincipalTable.Name} ({Columns(fk.PrincipalColumns)}) ON DELETE RESTRICT;
                DROP INDEX {unique.Name};
                CREATE INDEX {unique.Name} ON {unique.Table.Name} ({Columns(unique.Columns)});
                ALTER TABLE tenants ADD CONSTRAINT ck_tenants_behind_the_model CHECK (length(name) > 0);
                """);

            var (_, after) = await LoadAsync(altered);

            var changed = Differences(before.Select(c => c.ToString()), after.Select(c => c.ToString()));
            changed.ShouldContain(d => d.Contains(fk.Name, StringComparison.Ordinal) && d.Contains("OnDelete = r", StringComparison.Ordinal));
            changed.ShouldContain(d => d.Contains(unique.Name, StringComparison.Ordinal));
            changed.ShouldContain(d => d.Contains("ck_tenants_behind_the_model", StringComparison.Ordinal));
        }
        finally
        {
            await altered.DisposeAsync();
        }
    }

    /// <summary>What one side has and the other lacks, each line saying which side.</summary>
    private static List<string> Differences(IEnumerable<string> model, IEnumerable<string> inDatabase)
    {
        var expected = model.ToHashSet(StringComparer.Ordinal);
        var actual = inDatabase.ToHashSet(StringComparer.Ordinal);
        return expected.Except(actual).Select(e => "only in the model: " + e)
            .Concat(actual.Except(expected).Select(a => "only in the database: " + a))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The model's check as PostgreSQL stores it (IN becomes = ANY (ARRAY[...]), casts are added), rolled back.</summary>
    private static async Task<string> SpeltByPostgresAsync(TestDatabase target, string table, string sql)
    {
        await using var connection = new NpgsqlConnection(target.OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var add = new NpgsqlCommand($"ALTER TABLE {table} ADD CONSTRAINT ck_model_spelling CHECK ({sql}) NOT VALID", connection, transaction))
        {
            await add.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ck_model_spelling'", connection, transaction);
        var definition = (string)(await read.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        return definition.Replace(" NOT VALID", "", StringComparison.Ordinal);
    }

    private static string Columns(IEnumerable<IColumn> columns) => string.Join(", ", columns.Select(c => c.Name));

    private static string Include(ITableIndex index)
    {
        var mapped = index.MappedIndexes.First();
        var storeObject = StoreObjectIdentifier.Table(index.Table.Name, index.Table.Schema);
        var included = mapped.GetIncludeProperties()?
            .Select(p => mapped.DeclaringEntityType.FindProperty(p)!.GetColumnName(storeObject)!)
            .ToList();
        return Include(included is { Count: > 0 } ? string.Join(", ", included) : null);
    }

    private static string Include(string? columns) => string.IsNullOrEmpty(columns) ? "" : $" include ({columns})";

    private static string Filter(string? filter) => filter is null ? "" : " where " + NormaliseSql(filter);

    /// <summary>SQL as PostgreSQL spells it back, without quotes, parentheses, casts or spacing differences.</summary>
    private static string NormaliseSql(string? sql) =>
        new string((sql ?? "").Replace("CHECK", "", StringComparison.Ordinal)
                .Replace("::text", "", StringComparison.Ordinal)
                .Replace("::character varying", "", StringComparison.Ordinal)
                .Where(c => c is not ('"' or '(' or ')' or ' ' or '\n' or '\r'))
                .ToArray())
            .ToLowerInvariant();

    private static string OnDelete(char action) => action switch
    {
        'a' => nameof(ReferentialAction.NoAction),
        'r' => nameof(ReferentialAction.Restrict),
        'c' => nameof(ReferentialAction.Cascade),
        'n' => nameof(ReferentialAction.SetNull),
        'd' => nameof(ReferentialAction.SetDefault),
        _ => action.ToString(),
    };

    private static HashSet<string> ConcurrencyTokens(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Where(p => p.IsConcurrencyToken)
                .Select(p => $"{e.GetTableName()}.{p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, e.GetSchema()))}"))
            .ToHashSet(StringComparer.Ordinal);

    private static RtesDbContext OwnerContext(TestDatabase target) =>
        new(new DbContextOptionsBuilder<RtesDbContext>().UseNpgsql(target.OwnerConnectionString).Options, new TenantContext());

    /// <summary>The model as migrations see it (check constraints are not kept in the runtime model).</summary>
    private static IRelationalModel RelationalModel(RtesDbContext db) => DesignTimeModel(db).GetRelationalModel();

    private static IModel DesignTimeModel(RtesDbContext db) => db.GetService<IDesignTimeModel>().Model;

    private sealed record Constraint(
        string Table, string Name, char Type, string Columns, string? PrincipalTable, string? PrincipalColumns, char OnDelete, string? Definition);

    private static async Task<(IRelationalModel Model, List<Constraint> Actual)> LoadAsync(TestDatabase target)
    {
        await using var db = OwnerContext(target);
        var model = RelationalModel(db);
        var tables = model.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var constraints = await DatabaseConstraintsAsync(target);
        return (model, constraints.Where(c => tables.Contains(c.Table)).ToList());
    }

    private static async Task<List<Constraint>> DatabaseConstraintsAsync(TestDatabase target)
    {
        await using var connection = new NpgsqlConnection(target.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.relname, c.conname, c.contype,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ', '),
                   p.relname,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ', '),
                   c.confdeltype, CASE WHEN c.contype = 'c' THEN pg_get_constraintdef(c.oid) END
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class p ON p.oid = c.confrelid
            WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u', 'c')
            UNION ALL
            -- Unique indexes that are not the index of a primary key or unique constraint.
            SELECT t.relname, i.relname, 'i',
                   array_to_string(ARRAY(SELECT coalesce(a.attname, '<expression>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                       LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n WHERE k.o <= x.indnkeyatts ORDER BY k.o), ', '),
                   NULL,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n WHERE k.o > x.indnkeyatts ORDER BY k.o), ', '), ' ', pg_get_expr(x.indpred, x.indrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND x.indisunique
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u'))
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var constraints = new List<Constraint>();
        while (await reader.ReadAsync())
        {
            constraints.Add(new Constraint(
                reader.GetString(0), reader.GetString(1), reader.GetChar(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetChar(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return constraints;
    }

    /// <summary>Every index of the public schema, unique or not, spelt like the model's.</summary>
    private static async Task<HashSet<string>> DatabaseIndexesAsync(TestDatabase target)
    {
        await using var connection = new NpgsqlConnection(target.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.relname || ': index ' || i.relname || ' (' ||
                   array_to_string(ARRAY(SELECT coalesce(a.attname, '<expression>') FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                       LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n WHERE k.o <= x.indnkeyatts ORDER BY k.o), ', ') || ')' ||
                   coalesce(' include (' || nullif(array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                       JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n WHERE k.o > x.indnkeyatts ORDER BY k.o), ', '), '') || ')', '')
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND NOT x.indisunique
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        return indexes;
    }

    private static async Task<HashSet<string>> DatabaseColumnNamesAsync(TestDatabase target)
    {
        await using var connection = new NpgsqlConnection(target.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
