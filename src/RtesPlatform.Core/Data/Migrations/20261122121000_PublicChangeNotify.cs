using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RtesPlatform.Core.Features.Publication;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Statement-level triggers on every table the public site shows, calling
/// <c>pg_notify('rtes_public_changed', table)</c>: each web instance LISTENs on that channel and
/// evicts its output cache (docs/adr/0006). NOTIFY is delivered on commit only, and identical
/// notifications of one transaction are folded into one, so a publication (several statements on
/// several tables) sends a handful of notifications, and a rolled-back one none. A statement that
/// changed no row (the aggregate sweep with an empty queue) sends nothing: the transition table is
/// checked first. Whoever writes (the application, jobs, commands, the schema owner, psql) notifies.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122121000_PublicChangeNotify")]
public sealed class PublicChangeNotify : Migration
{
    // Frozen here (a migration never changes once applied); a later public table gets its triggers
    // in its own migration.
    private static readonly string[] Tables =
    [
        "tenants",
        "fiche_versions",
        "themes",
        "indicators",
        "indicator_values",
        "indicator_aggregates",
        "search_documents",
        "open_data_files",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var sql = new StringBuilder($$"""
            -- SECURITY INVOKER: pg_notify needs no privilege, and the transition table is the statement's own.
            -- The TRUNCATE trigger has no transition table: its branch never reads changed_rows.
            CREATE FUNCTION app.notify_public_changed() RETURNS trigger
                LANGUAGE plpgsql
                SET search_path = pg_catalog, pg_temp
                AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('{{PublicChangeChannel.Name}}', TG_TABLE_NAME);
                    ELSIF EXISTS (SELECT 1 FROM changed_rows) THEN
                        PERFORM pg_notify('{{PublicChangeChannel.Name}}', TG_TABLE_NAME);
                    END IF;
                    RETURN NULL;
                END $$;

            """);
        foreach (var table in Tables)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                CREATE TRIGGER notify_public_insert AFTER INSERT ON {table}
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_changed();
                CREATE TRIGGER notify_public_update AFTER UPDATE ON {table}
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_changed();
                CREATE TRIGGER notify_public_delete AFTER DELETE ON {table}
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_changed();
                CREATE TRIGGER notify_public_truncate AFTER TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION app.notify_public_changed();

                """);
        }

        migrationBuilder.Sql(sql.ToString());
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var sql = new StringBuilder();
        foreach (var table in Tables)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                DROP TRIGGER notify_public_insert ON {table};
                DROP TRIGGER notify_public_update ON {table};
                DROP TRIGGER notify_public_delete ON {table};
                DROP TRIGGER notify_public_truncate ON {table};

                """);
        }

        sql.Append("DROP FUNCTION app.notify_public_changed();");
        migrationBuilder.Sql(sql.ToString());
    }
}
