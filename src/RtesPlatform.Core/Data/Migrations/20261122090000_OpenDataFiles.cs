using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// The nightly open-data files, stored in the database so that every instance behind the load
/// balancer serves the same bytes (one row per set and format, replaced in one statement: a
/// download never sees half a file), and the cluster heartbeat (one row per firing, no unique
/// constraint so that a firing run twice would show). Public data, no tenant: no row-level security.
/// </summary>
[DbContext(typeof(RtesDbContext))]
[Migration("20261122090000_OpenDataFiles")]
public sealed class OpenDataFiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""
            CREATE TABLE open_data_files (
                set_name character varying(40) NOT NULL,
                format character varying(10) NOT NULL,
                generated_at timestamp with time zone NOT NULL,
                row_count bigint NOT NULL,
                byte_count bigint NOT NULL,
                sha256 character varying(64) NOT NULL,
                content bytea NOT NULL,
                CONSTRAINT pk_open_data_files PRIMARY KEY (set_name, format)
            );
            -- Already gzip: PostgreSQL would spend time failing to compress it again.
            ALTER TABLE open_data_files ALTER COLUMN content SET STORAGE EXTERNAL;
            GRANT SELECT, INSERT, UPDATE, DELETE ON open_data_files TO rtes_app;

            CREATE TABLE job_heartbeats (
                id bigint GENERATED ALWAYS AS IDENTITY,
                scheduled_fire_time timestamp with time zone NOT NULL,
                fired_at timestamp with time zone NOT NULL,
                instance_id text NOT NULL,
                CONSTRAINT pk_job_heartbeats PRIMARY KEY (id)
            );
            CREATE INDEX ix_job_heartbeats_scheduled_fire_time ON job_heartbeats (scheduled_fire_time);
            GRANT SELECT, INSERT, DELETE ON job_heartbeats TO rtes_app;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TABLE job_heartbeats, open_data_files;");
    }
}
