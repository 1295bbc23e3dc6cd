using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// The ASP.NET Core Data Protection key ring, shared by every instance behind the load balancer
/// (a session or antiforgery cookie issued by one instance is then read by every other; no Redis).
/// One row per key, as the XML Data Protection writes; keys are never updated or deleted by the
/// application (a revocation or a new key is a new row), so the application role may only read
/// and insert. Global, no tenant data: no row-level security. The XML holds the key material in
/// clear: the table must be protected like a secret, backups included (docs/architecture.md).
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122110000_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE data_protection_keys (
                id integer GENERATED ALWAYS AS IDENTITY,
                friendly_name text NULL,
                xml text NOT NULL,
                created_at timestamp with time zone NOT NULL DEFAULT now(),
                CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
            );
            GRANT SELECT, INSERT ON data_protection_keys TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE data_protection_keys;");
    }
}
