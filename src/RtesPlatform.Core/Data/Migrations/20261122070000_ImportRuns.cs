using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Runs of the legacy import as a background job. A run is network data: it has no tenant_id and
/// no row-level security, because one file feeds many tenants and only network admins see runs
/// (the NetworkAdmin policy guards every page that reads them; the drafts it writes are still
/// written under each tenant's RLS setting). The uploaded file is kept in the row so that any node
/// of the job cluster can run it, and a node restarted after a crash finds it. <c>done</c> and the
/// report's lines are written in the same transaction as each fiche's draft, so a recovered run
/// resumes exactly where the dead one stopped.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122070000_ImportRuns")]
public sealed class ImportRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE legacy_import_runs (
                id uuid NOT NULL,
                file_name character varying(260) NOT NULL,
                content bytea NOT NULL,
                dry_run boolean NOT NULL,
                collectivity character varying(40) NULL,
                requested_by character varying(256) NULL,
                requested_at timestamp with time zone NOT NULL,
                status character varying(20) NOT NULL,
                total integer NULL,
                done integer NOT NULL DEFAULT 0,
                report jsonb NULL,
                error text NULL,
                started_at timestamp with time zone NULL,
                finished_at timestamp with time zone NULL,
                attempts integer NOT NULL DEFAULT 0,
                CONSTRAINT pk_legacy_import_runs PRIMARY KEY (id),
                CONSTRAINT ck_legacy_import_runs_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
                CONSTRAINT ck_legacy_import_runs_done CHECK (done >= 0 AND (total IS NULL OR done <= total))
            );
            CREATE INDEX ix_legacy_import_runs_requested_at ON legacy_import_runs (requested_at);
            -- Network data (see above): no RLS; no DELETE, a run and its report are kept.
            GRANT SELECT, INSERT, UPDATE ON legacy_import_runs TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE legacy_import_runs;");
    }
}
