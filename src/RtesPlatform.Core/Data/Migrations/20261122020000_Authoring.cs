using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// The back office's audit log: tenant-private like the drafts, and append-only (the application
/// role is granted INSERT and SELECT only, so no bug or injection can rewrite history).
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122020000_Authoring")]
public sealed class Authoring : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE audit_events (
                tenant_id uuid NOT NULL,
                id bigint GENERATED ALWAYS AS IDENTITY,
                at timestamp with time zone NOT NULL,
                user_id character varying(200) NULL,
                user_name character varying(200) NULL,
                action character varying(50) NOT NULL,
                section character varying(20) NULL,
                version integer NULL,
                details jsonb NULL,
                CONSTRAINT pk_audit_events PRIMARY KEY (tenant_id, id),
                CONSTRAINT fk_audit_events_tenants_tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE RESTRICT
            );
            CREATE INDEX ix_audit_events_tenant_id_at ON audit_events (tenant_id, at);
            ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
            ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
            CREATE POLICY tenant_read ON audit_events FOR SELECT
                USING (tenant_id = app.current_tenant_id());
            CREATE POLICY tenant_insert ON audit_events FOR INSERT
                WITH CHECK (tenant_id = app.current_tenant_id());
            GRANT SELECT, INSERT ON audit_events TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE audit_events;");
    }
}
