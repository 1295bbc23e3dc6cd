using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// Hangfire runs a job at least once: each job run twice (as a retry, or as a job whose node died
/// and that another node runs again) has no double effect. The campaign reminders
/// (Campaigns/CampaignReminderTests), the weekly digest (Campaigns/WeeklyDigestTests), the import
/// (LegacyImport/ImportJobTests: a finished run run again) and the open-data generation
/// (Pages/OpenDataFileTests: an older generation never replaces a newer file) prove it in their
/// features; the others here. The heartbeat is the exception by design: it records each run, so
/// that an occurrence run twice shows (Jobs/MultiInstanceTests).
/// </summary>
public sealed class JobIdempotencyTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Aggregates = """
        SELECT md5(coalesce(string_agg(concat_ws('|', indicator_code, year, audience, group_kind, group_key, member_count, total, min, q1, median, q3, max,
                   per_capita_count, population, per_capita_min, per_capita_q1, per_capita_median, per_capita_q3, per_capita_max), E'\n'
                   ORDER BY indicator_code, year, audience, group_kind, group_key), ''))
          FROM indicator_aggregates
        """;

    private async Task<T> RunAsync<TJob, T>(Func<TJob, Task<T>> run)
        where TJob : class
    {
        // As Hangfire's activator does: the job is built in a scope of its own.
        await using var scope = database.Services.CreateAsyncScope();
        return await run(ActivatorUtilities.GetServiceOrCreateInstance<TJob>(scope.ServiceProvider));
    }

    [Fact]
    public async Task RefreshQueuedAggregates_RunTwice_SameAggregates_QueueEmpty()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection { Lines = [new BudgetLine { Label = "Fonds", Amount = 77_000m, Year = 2032, Nature = BudgetNature.Autre }] },
        });
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregate_queue")).ShouldBeGreaterThan(0);

        var first = await RunAsync<RefreshQueuedAggregatesJob, int>(j => j.RunAsync(CancellationToken.None));
        var afterFirst = await database.QueryAsAdminAsync<string>(Aggregates);
        var second = await RunAsync<RefreshQueuedAggregatesJob, int>(j => j.RunAsync(CancellationToken.None));

        first.ShouldBeGreaterThan(0);
        second.ShouldBe(0, "nothing left to refresh");
        (await database.QueryAsAdminAsync<string>(Aggregates)).ShouldBe(afterFirst);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM indicator_aggregates WHERE indicator_code = 'budget_total' AND year = 2032 AND group_kind = 'all' AND audience = 'public'")).ShouldBe(1);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregate_queue")).ShouldBe(0);
    }

    [Fact]
    public async Task RefreshAllAggregates_RunTwice_SameAggregates()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection { Lines = [new BudgetLine { Label = "Fonds", Amount = 12_345m, Year = 2033, Nature = BudgetNature.Autre }] },
        });

        await RunAsync<RefreshAllAggregatesJob, int>(j => j.RunAsync(CancellationToken.None));
        var afterFirst = await database.QueryAsAdminAsync<string>(Aggregates);
        var rows = await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregates");
        await RunAsync<RefreshAllAggregatesJob, int>(j => j.RunAsync(CancellationToken.None));

        (await database.QueryAsAdminAsync<string>(Aggregates)).ShouldBe(afterFirst);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_aggregates")).ShouldBe(rows);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM indicator_aggregates WHERE indicator_code = 'budget_total' AND year = 2033 AND total = 12345 AND group_kind = 'all' AND audience = 'public'")).ShouldBe(1);
    }

    [Fact]
    public async Task ImportSweep_RunTwice_EnqueuesAnOrphanRunOnce()
    {
        var orphan = Guid.CreateVersion7();
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_by, requested_at, status, attempts)
            VALUES (@id, 'orphelin.txt', '\x00'::bytea, true, 'test@rtes.example', now() - interval '5 minutes', 'queued', 0)
            """, ("id", orphan));

        // No job server runs on this database: what the sweep enqueues stays enqueued.
        var first = await RunAsync<LegacyImportSweepJob, int>(j => j.RunAsync(CancellationToken.None));
        var second = await RunAsync<LegacyImportSweepJob, int>(j => j.RunAsync(CancellationToken.None));

        (first, second).ShouldBe((1, 0));
        var monitoring = database.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        monitoring.EnqueuedJobs("default", 0, 1000).Count(j => j.Value.Job?.Type == typeof(LegacyImportJob) && (Guid)j.Value.Job.Args[0] == orphan)
            .ShouldBe(1);
    }

    [Fact]
    public async Task OpenDataExportIfMissing_RunTwice_GeneratesOnce()
    {
        await database.ExecuteAsAdminAsync("DELETE FROM open_data_files");

        var first = await RunAsync<OpenDataExportJob, string>(j => j.RunAsync(true, null, CancellationToken.None));
        var generated = await database.QueryAsAdminAsync<string>("SELECT string_agg(set_name || format || generated_at, ',' ORDER BY set_name, format) FROM open_data_files");
        var second = await RunAsync<OpenDataExportJob, string>(j => j.RunAsync(true, null, CancellationToken.None));

        first.ShouldContain("fichiers");
        second.ShouldBe("Fichiers déjà générés");
        (await database.QueryAsAdminAsync<string>("SELECT string_agg(set_name || format || generated_at, ',' ORDER BY set_name, format) FROM open_data_files"))
            .ShouldBe(generated);
    }
}
