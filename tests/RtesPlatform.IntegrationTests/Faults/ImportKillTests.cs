using System.Diagnostics;
using System.Text;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.LegacyImport;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Faults;

/// <summary>
/// SIGKILL during a legacy import: the command (one transaction per file) leaves all of a file's
/// tenants and drafts or none; an import run that a crash left with nothing to run it (stored, but
/// its job never enqueued) is enqueued again by the sweep and completes, and one interrupted too
/// many times ends failed with a French message, never "en attente" for ever. (A run killed while
/// it runs and resumed after the restart: LegacyImport/ImportJobTests.)
/// </summary>
public sealed class ImportKillTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private static string Seed(string name) => Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", name);

    [Fact]
    public async Task ImportCommandKilledMidFile_LeavesNoneOfTheFilesTenantsOrDrafts()
    {
        await using var target = new TestDatabase();
        await target.InitializeAsync();
        var bytes = await LargeLegacyFile.GenerateAsync(target, 200);
        var file = Path.Combine(Path.GetTempPath(), $"rtes-faults-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            var tenantsBefore = await target.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants");
            using var process = Process.Start(AppProcess.CommandStartInfo(target, "import-fiches", file)).ShouldNotBeNull();
            var progressed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var lines = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (lines)
                {
                    lines.AppendLine(e.Data);
                }

                // "[k/N] name" as each fiche starts: well into the file.
                if (e.Data is { } line && line.StartsWith("[60/", StringComparison.Ordinal))
                {
                    progressed.TrySetResult(line);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            var reached = await Task.WhenAny(progressed.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
            reached.ShouldBe(progressed.Task, $"the import should reach fiche 60 before ending: {lines}");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.WriteLine($"import command killed at « {await progressed.Task} »");

            (await target.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts")).ShouldBe(0);
            (await target.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(tenantsBefore);
            (await target.QueryAsAdminAsync<long>("SELECT count(*) FROM audit_events")).ShouldBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RunsLeftWithNothingToFireThem_AreScheduledAgainOrFailed_NeverStuck()
    {
        var bytes = await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt"));
        // As a crash between "store the run" and "enqueue its job" leaves it: queued, no job.
        var orphan = Guid.CreateVersion7();
        // And a run interrupted too many times (a file that kills its node), with no job left.
        var exhausted = Guid.CreateVersion7();
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_by, requested_at, status, attempts)
            VALUES (@orphan, 'grand-est.txt', @content, false, 'test@rtes.example', now() - interval '5 minutes', 'queued', 0),
                   (@exhausted, 'poison.txt', @content, false, 'test@rtes.example', now() - interval '1 hour', 'running', 3)
            """,
            ("orphan", orphan), ("exhausted", exhausted), ("content", bytes));

        var settings = new Dictionary<string, string>
        {
            ["Jobs:Import:OrphanSweepInterval"] = "00:00:02",
            ["Jobs:Import:MaxAttempts"] = "3",
        };
        await using var app = await AppProcess.StartAsync(database, settings);
        // The job server starts once the database answers: the sweep's first run is measured from
        // the moment this node has joined the cluster, not from the process start, which takes
        // most of the time on a loaded machine.
        var joined = Stopwatch.StartNew();
        while (await database.QueryAsAdminAsync<long>($"SELECT count(*) FROM hangfire.server WHERE id LIKE '%:{app.ProcessId}:%'") == 0)
        {
            joined.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), $"the job server never joined the cluster:\n{app.Output}");
            await Task.Delay(250);
        }

        output.WriteLine($"job server joined {joined.Elapsed.TotalSeconds:F1} s after the process answered");
        var watch = Stopwatch.StartNew();
        string status;
        do
        {
            await Task.Delay(250);
            status = await database.QueryAsAdminAsync<string>(
                "SELECT string_agg(status, ',' ORDER BY id) FROM legacy_import_runs WHERE id IN (@a, @b)", ("a", orphan), ("b", exhausted));
        }
        while (status.Split(',').Any(s => !LegacyImportRunStatus.IsFinished(s)) && watch.Elapsed < TimeSpan.FromSeconds(60));
        var jobs = await database.QueryAsAdminAsync<string>(
            "SELECT coalesce(string_agg(id || ':' || coalesce(statename, '') || ':' || arguments, ', '), 'none') FROM hangfire.job WHERE invocationdata::text LIKE '%LegacyImportJob%'");
        var diagnostics = $"jobs {jobs}\n{app.Output}";
        output.WriteLine($"runs finished {watch.Elapsed.TotalSeconds:F1} s after the job server joined: {status}");

        (await database.QueryAsAdminAsync<string>("SELECT status FROM legacy_import_runs WHERE id = @id", ("id", orphan)))
            .ShouldBe(LegacyImportRunStatus.Succeeded, diagnostics);
        (await database.QueryAsAdminAsync<int>("SELECT done FROM legacy_import_runs WHERE id = @id", ("id", orphan))).ShouldBe(5);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts WHERE updated_by = 'import:grand-est.txt'")).ShouldBe(5);

        (await database.QueryAsAdminAsync<string>("SELECT status FROM legacy_import_runs WHERE id = @id", ("id", exhausted)))
            .ShouldBe(LegacyImportRunStatus.Failed, diagnostics);
        (await database.QueryAsAdminAsync<string>("SELECT error FROM legacy_import_runs WHERE id = @id", ("id", exhausted)))
            .ShouldBe(LegacyImportSweepJob.TooManyAttempts);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts WHERE updated_by = 'import:poison.txt'")).ShouldBe(0);
    }
}
