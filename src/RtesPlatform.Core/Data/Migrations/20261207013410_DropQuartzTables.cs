using Microsoft.EntityFrameworkCore.Migrations;

namespace RtesPlatform.Core.Data.Migrations;

/// <summary>
/// Drops Quartz.NET's job store (the <c>qrtz_*</c> tables of the <c>Jobs</c> migration): the jobs
/// run on Hangfire now (docs/adr/0008-hangfire.md), whose schema <c>hangfire</c> the migrate command
/// installs. Nothing in them is needed any more: the recurring schedules are declared in code and
/// stored again by every node at start; an import run that was waiting for a Quartz trigger is
/// enqueued again by the <c>legacy-import-sweep</c> job; the execution history is not carried over.
/// </summary>
public partial class DropQuartzTables : Migration
{
    private static readonly string[] _tables =
    [
        "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simple_triggers",
        "qrtz_simprop_triggers", "qrtz_cron_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
        "qrtz_execution_history", "qrtz_job_status", "qrtz_misfire_history", "qrtz_paused_job_grps",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(string.Join('\n', _tables.Select(t => $"DROP TABLE IF EXISTS {t} CASCADE;")));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Quartz is gone from the application, but going further down must find the tables the Jobs
        // migration's Down drops: they are recreated, empty, exactly as Jobs created them.
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Operations.AddRange(new Jobs().UpOperations);
    }
}
