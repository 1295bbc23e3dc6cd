using System.Diagnostics;
using System.Text;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.LegacyImport;

/// <summary>
/// The legacy import as a Hangfire job: runs are queued by a process-less container (like a
/// command or another node) and run by a web host's job server, in process or as a real process
/// killed with SIGKILL.
/// </summary>
public sealed class ImportJobTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private static string Seed(string name) => Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", name);

    private static async Task<Guid> EnqueueAsync(TestDatabase target, byte[] bytes, string fileName, bool dryRun = false)
    {
        await using var scope = target.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LegacyImportRuns>()
            .EnqueueAsync(bytes, fileName, dryRun, collectivity: null, requestedBy: "test@rtes.example", CancellationToken.None);
    }

    /// <summary>The Hangfire jobs of a run, from the job storage's monitoring API (in the given state list).</summary>
    private static List<string> JobsOfRun(JobStorage storage, Guid runId, string state)
    {
        var monitoring = storage.GetMonitoringApi();
        IEnumerable<KeyValuePair<string, Hangfire.Common.Job>> jobs = state switch
        {
            "Succeeded" => monitoring.SucceededJobs(0, 1000).Select(j => new KeyValuePair<string, Hangfire.Common.Job>(j.Key, j.Value.Job)),
            "Failed" => monitoring.FailedJobs(0, 1000).Select(j => new KeyValuePair<string, Hangfire.Common.Job>(j.Key, j.Value.Job)),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        return [.. jobs.Where(j => j.Value?.Type == typeof(LegacyImportJob) && j.Value.Args[0] is Guid id && id == runId).Select(j => j.Key)];
    }

    private static async Task<LegacyImportRunView> FindAsync(TestDatabase target, Guid id)
    {
        await using var scope = target.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LegacyImportRuns>().FindAsync(id, withReport: true, CancellationToken.None)).ShouldNotBeNull();
    }

    private static async Task<LegacyImportRunView> WaitForAsync(TestDatabase target, Guid id, Func<LegacyImportRunView, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var run = await FindAsync(target, id);
            if (condition(run))
            {
                return run;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"run {id} still {run.Status} ({run.Done}/{run.Total}, error: {run.Error}) after {timeout}");
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task QueuedRun_IsFiredByTheWebHost_WithProgressAndItsReportKept()
    {
        await using var web = new RtesWebFactory(database);
        _ = web.Services; // a scheduler node
        var bytes = await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt"));

        var id = await EnqueueAsync(database, bytes, "grand-est.txt");
        var run = await WaitForAsync(database, id, r => r.IsFinished, TimeSpan.FromSeconds(60));

        run.Status.ShouldBe(LegacyImportRunStatus.Succeeded, run.Error);
        (run.Done, run.Total, run.Attempts).ShouldBe((5, (int?)5, 1));
        var report = run.Report.ShouldNotBeNull();
        report.Fiches.Select(f => f.OfficialIdentifier).ShouldBe(
            ["SIREN 200027308", "SIREN 200066009", "INSEE 44", "INSEE 08", "SIREN 246700488"], ignoreOrder: true);
        report.Fiches.ShouldAllBe(f => f.Outcome == LegacyImportOutcome.DraftCreated && f.TenantCreated);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM fiche_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE d.updated_by = 'import:grand-est.txt'")).ShouldBe(5);
        var storage = web.Services.GetRequiredService<JobStorage>();
        JobsOfRun(storage, id, "Succeeded").Count.ShouldBe(1);

        // A finished run run again (at-least-once: a duplicate or late run of its job) does nothing.
        var drafts = await database.QueryAsAdminAsync<string>("SELECT string_agg(tenant_id || ':' || revision || ':' || updated_at, ',' ORDER BY tenant_id) FROM fiche_drafts");
        var again = web.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<LegacyImportJob>(j => j.ExecuteAsync(id, null, CancellationToken.None));
        var watch = Stopwatch.StartNew();
        while (StateOf(storage, again) != SucceededState.StateName && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        StateOf(storage, again).ShouldBe(SucceededState.StateName);
        (await FindAsync(database, id)).Attempts.ShouldBe(1);
        (await database.QueryAsAdminAsync<string>("SELECT string_agg(tenant_id || ':' || revision || ':' || updated_at, ',' ORDER BY tenant_id) FROM fiche_drafts")).ShouldBe(drafts);
    }

    private static string? StateOf(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    [Fact]
    public async Task FailingRun_IsRetried_ThenMarkedFailedWithItsError()
    {
        // The retry policy is the kind's, set by the configuration of the node that runs the job.
        await using var web = new RtesWebFactory(database).WithWebHostBuilder(b => b
            .UseSetting("Jobs:Import:RetryAttempts", "2")
            .UseSetting("Jobs:Import:RetryDelay", "00:00:01"));
        _ = web.Services;
        var text = """
            Conseil départemental des Ardennes

            Année d'adhésion au RTES: 2018

            Type de collectivité
            Département
            """;
        // A database that refuses every new draft: the failure no retry can cure.
        await database.ExecuteAsAdminAsync("""
            CREATE FUNCTION test_refuse_drafts() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'brouillons refusés (test)'; END $$;
            CREATE TRIGGER test_refuse_drafts BEFORE INSERT OR UPDATE ON fiche_drafts FOR EACH ROW EXECUTE FUNCTION test_refuse_drafts();
            """);
        try
        {
            var id = await EnqueueAsync(database, Encoding.UTF8.GetBytes(text), "ardennes.txt");

            var run = await WaitForAsync(database, id, r => r.IsFinished, TimeSpan.FromSeconds(60));

            run.Status.ShouldBe(LegacyImportRunStatus.Failed);
            run.Attempts.ShouldBe(3);
            run.Error.ShouldNotBeNull().ShouldContain("brouillons refusés (test)");
            run.Done.ShouldBe(0);
            // Hangfire records the job's final state just after the job has recorded the run's.
            var storage = web.Services.GetRequiredService<JobStorage>();
            var watch = Stopwatch.StartNew();
            while (JobsOfRun(storage, id, "Failed").Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            var job = JobsOfRun(storage, id, "Failed").ShouldHaveSingleItem();
            using var connection = storage.GetConnection();
            connection.GetJobParameter(job, "RetryCount").ShouldBe("2");
        }
        finally
        {
            await database.ExecuteAsAdminAsync("DROP TRIGGER test_refuse_drafts ON fiche_drafts; DROP FUNCTION test_refuse_drafts();");
        }
    }

    [Fact]
    public async Task RefusedFile_FailsAtOnceWithTheFrenchError()
    {
        await using var web = new RtesWebFactory(database);
        _ = web.Services;

        var id = await EnqueueAsync(database, Encoding.UTF8.GetBytes("Bonjour,\nceci est une liste de courses.\n"), "courses.txt");
        var run = await WaitForAsync(database, id, r => r.IsFinished, TimeSpan.FromSeconds(60));

        run.Status.ShouldBe(LegacyImportRunStatus.Failed);
        run.Attempts.ShouldBe(1);
        run.Error.ShouldNotBeNullOrWhiteSpace();
        run.Report.ShouldNotBeNull().Error.ShouldBe(run.Error);
    }

    [Fact]
    public async Task ProcessKilledDuringALongImport_RunIsRecoveredAfterRestart_AndEqualsAnUninterruptedImport()
    {
        var total = Stopwatch.StartNew();
        // Database A (crashed) and B (reference, uninterrupted), both fresh: the comparison is of whole tables.
        await using var crashed = new TestDatabase();
        await crashed.InitializeAsync();
        await using var reference = new TestDatabase();
        await reference.InitializeAsync();
        var bytes = await LargeLegacyFile.GenerateAsync(reference, 200);
        var watch = Stopwatch.StartNew();
        LegacyImportReport uninterrupted;
        await using (var scope = reference.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream(bytes);
            uninterrupted = await scope.ServiceProvider.GetRequiredService<LegacyImporter>()
                .ImportAsync(stream, "grand-fichier.txt", dryRun: false, collectivity: null, progress: null, CancellationToken.None);
        }

        output.WriteLine($"uninterrupted import: {uninterrupted.Fiches.Count} fiches ({uninterrupted.ImportedCount} imported) in {watch.Elapsed}");
        uninterrupted.ImportedCount.ShouldBeGreaterThan(150);

        // A job whose node died is run again once its invisibility timeout lapsed: short here.
        var settings = new Dictionary<string, string> { ["Jobs:InvisibilityTimeout"] = "00:00:10", ["Jobs:ServerHeartbeatInterval"] = "00:00:02" };
        var first = await AppProcess.StartAsync(crashed, settings);
        LegacyImportRunView atKill;
        Guid id;
        try
        {
            id = await EnqueueAsync(crashed, bytes, "grand-fichier.txt");
            atKill = await WaitForAsync(crashed, id, r => r.Done >= 20, TimeSpan.FromSeconds(60));
            first.Kill();
        }
        finally
        {
            await first.DisposeAsync();
        }

        output.WriteLine($"killed at {atKill.Done}/{atKill.Total} after {total.Elapsed}");
        atKill.Done.ShouldBeLessThan(atKill.Total.ShouldNotBeNull() - 50, "the import should have been killed well before its end");
        (await FindAsync(crashed, id)).Status.ShouldBe(LegacyImportRunStatus.Running);

        var restart = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync(crashed, settings);
        var run = await WaitForAsync(crashed, id, r => r.IsFinished, TimeSpan.FromSeconds(120));
        output.WriteLine($"recovered and finished {restart.Elapsed} after the restart; whole test {total.Elapsed}; attempts {run.Attempts}");

        run.Status.ShouldBe(LegacyImportRunStatus.Succeeded, run.Error + second.Output);
        run.Attempts.ShouldBe(2);
        run.Done.ShouldBe(uninterrupted.Fiches.Count);
        var report = run.Report.ShouldNotBeNull();
        report.Fiches.Select(f => (f.OfficialIdentifier, f.Outcome, f.TenantCreated))
            .ShouldBe(uninterrupted.Fiches.Select(f => (f.OfficialIdentifier, f.Outcome, f.TenantCreated)));

        const string drafts = """
            SELECT coalesce(string_agg(coalesce(t.siren, t.insee_code) || '|' || t.name || '|' || coalesce(t.membership_year::text, '') || '|'
                                       || d.revision || '|' || d.content::text, E'\n' ORDER BY coalesce(t.siren, t.insee_code)), '')
              FROM tenants t JOIN fiche_drafts d ON d.tenant_id = t.id
            """;
        var recovered = await crashed.QueryAsAdminAsync<string>(drafts);
        recovered.ShouldBe(await reference.QueryAsAdminAsync<string>(drafts));
        (await crashed.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(await reference.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants"));
        (await crashed.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts")).ShouldBe(uninterrupted.ImportedCount);
        (await crashed.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM (SELECT coalesce(siren, kind || ':' || insee_code) FROM tenants GROUP BY 1 HAVING count(*) > 1) AS duplicates")).ShouldBe(0);
        (await crashed.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts WHERE revision <> 1")).ShouldBe(0);
    }

}
