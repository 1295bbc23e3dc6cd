using System.Globalization;
using System.Text.Json;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Core.Features.LegacyImport.Import;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// Runs one <see cref="LegacyImportRun"/> (its id is the job's argument). Each fiche is one
/// transaction that claims the fiche's place in the run (<c>done = i → i + 1</c>, refused if another
/// run of the job got there first), writes the draft under the tenant's RLS setting, and appends the
/// fiche's report line: a crash loses at most the fiche in flight, and the job, run again by another
/// node (at-least-once), resumes at <c>done</c> with the same report an uninterrupted run would have.
/// A finished run is never run again. A failure is retried by the kind's policy from the fiche that
/// failed; after the last retry the run is <c>failed</c> with its error.
/// </summary>
public sealed class LegacyImportJob(
    RtesDbContext db, LegacyImporter importer, TimeProvider clock, IOptions<ImportJobOptions> options, ILogger<LegacyImportJob> logger)
{
    public static JobKind KindWith(JobRetryPolicy retry) => new()
    {
        Key = "legacy-import",
        Type = typeof(LegacyImportJob),
        Method = nameof(ExecuteAsync),
        Name = "Import de fiches de l’ancien site",
        Description = "Importe un fichier de fiches déposé dans la console du réseau, fiche par fiche.",
        Retry = retry,
        CanRunNow = false,
    };

    public async Task<string> ExecuteAsync(Guid runId, PerformContext? context, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ImportRunId"] = runId });
        try
        {
            return await RunAsync(runId, context, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Hangfire's retry filter counts the retries made so far in the job parameter "RetryCount".
            var attempt = context?.GetJobParameter<int>("RetryCount", allowStale: true) ?? 0;
            var retrying = attempt < options.Value.RetryPolicy().Attempts;
            logger.LogError(exception, "Legacy import run {RunId} failed (attempt {Attempt}, retrying: {Retrying})", runId, attempt + 1, retrying);
            await RecordFailureAsync(runId, exception.Message, retrying);
            throw;
        }
    }

    private async Task<string> RunAsync(Guid runId, PerformContext? context, CancellationToken cancellationToken)
    {
        var run = await db.LegacyImportRuns.AsNoTracking()
            .Where(r => r.Id == runId)
            .Select(r => new { r.Status, r.FileName, r.DryRun, r.Collectivity, r.Content })
            .SingleOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            logger.LogWarning("Legacy import run {RunId} does not exist", runId);
            return "absent";
        }

        if (LegacyImportRunStatus.IsFinished(run.Status))
        {
            // A finished run is never run again (a duplicate or late run of the job).
            logger.LogInformation("Legacy import run {RunId} is already {Status}", runId, run.Status);
            return run.Status;
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE legacy_import_runs
               SET status = 'running', attempts = attempts + 1, started_at = coalesce(started_at, {clock.GetUtcNow()})
             WHERE id = {runId} AND status IN ('queued', 'running')
            """, cancellationToken);

        using var file = new MemoryStream(run.Content, writable: false);
        var plan = await importer.PrepareAsync(file, run.FileName, run.DryRun, run.Collectivity, cancellationToken);
        if (plan.Error is { } error)
        {
            // A refused file: nothing a retry could change.
            var refused = new LegacyImportRunReport(plan.FileName, plan.DryRun, error, [], []);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE legacy_import_runs
                   SET status = 'failed', error = {error}, report = {refused.ToJson()}::jsonb, finished_at = {clock.GetUtcNow()}
                 WHERE id = {runId} AND status = 'running'
                """, cancellationToken);
            return LegacyImportRunStatus.Failed;
        }

        var total = plan.Fiches.Count;
        var empty = new LegacyImportRunReport(plan.FileName, plan.DryRun, null, plan.Warnings, []);
        // Only the first run writes the report's head; a resumed one keeps the lines written so far.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE legacy_import_runs SET total = {total}, report = {empty.ToJson()}::jsonb
             WHERE id = {runId} AND done = 0 AND status = 'running'
            """, cancellationToken);

        var next = await CurrentDoneAsync(runId, cancellationToken) ?? total;
        if (next > 0)
        {
            logger.LogInformation("Legacy import run {RunId} resumes at fiche {Next} of {Total}", runId, next, total);
        }

        while (next < total)
        {
            if (await ImportFicheAsync(runId, plan, next, cancellationToken))
            {
                next++;
            }
            else
            {
                // Another run of this job moved on (or finished it): follow what the database says.
                next = await CurrentDoneAsync(runId, cancellationToken) ?? total;
                continue;
            }

            JobProgress.Report(context, next * 100 / total, string.Create(CultureInfo.InvariantCulture, $"{next} fiches sur {total}"));
        }

        var finished = await db.Database.ExecuteSqlAsync($"""
            UPDATE legacy_import_runs SET status = 'succeeded', error = NULL, finished_at = {clock.GetUtcNow()}
             WHERE id = {runId} AND status = 'running' AND done = total
            """, cancellationToken);
        logger.LogInformation("Legacy import run {RunId} finished: {Total} fiches (dry run: {DryRun})", runId, total, plan.DryRun);
        return finished == 1 ? LegacyImportRunStatus.Succeeded : "finished elsewhere";
    }

    /// <summary>Imports fiche <paramref name="index"/> if it is the run's next one; false if it is not (any more).</summary>
    private Task<bool> ImportFicheAsync(Guid runId, LegacyImportPlan plan, int index, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Claims the fiche and locks the run's row until commit: a concurrent run of the
            // same run waits here, then finds done moved and claims nothing.
            var claimed = await db.Database.ExecuteSqlAsync($"""
                UPDATE legacy_import_runs SET done = {index + 1}
                 WHERE id = {runId} AND done = {index} AND status = 'running'
                """, ct);
            if (claimed == 0)
            {
                return false;
            }

            if (plan.DryRun)
            {
                await transaction.CreateSavepointAsync("fiche", ct);
            }

            var result = await importer.ImportFicheAsync(plan, index, ct);
            if (plan.DryRun)
            {
                await transaction.RollbackToSavepointAsync("fiche", ct);
            }

            var line = JsonSerializer.Serialize(LegacyImportRunLine.From(result), LegacyImportRunReport.Json);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE legacy_import_runs
                   SET report = jsonb_set(report, ARRAY['fiches'], (report -> 'fiches') || jsonb_build_array({line}::jsonb))
                 WHERE id = {runId}
                """, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

    /// <summary>The run's <c>done</c> while it is running; null once it is not (finished, or waiting for a retry).</summary>
    private async Task<int?> CurrentDoneAsync(Guid runId, CancellationToken cancellationToken) =>
        await db.LegacyImportRuns.AsNoTracking()
            .Where(r => r.Id == runId && r.Status == LegacyImportRunStatus.Running)
            .Select(r => (int?)r.Done)
            .SingleOrDefaultAsync(cancellationToken);

    private async Task RecordFailureAsync(Guid runId, string message, bool retrying)
    {
        db.ChangeTracker.Clear();
        // Not the job's token: the failure must be recorded even when the job is being stopped.
        if (retrying)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE legacy_import_runs SET status = 'queued', error = {message}
                 WHERE id = {runId} AND status IN ('queued', 'running')
                """, CancellationToken.None);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE legacy_import_runs SET status = 'failed', error = {message}, finished_at = {clock.GetUtcNow()}
                 WHERE id = {runId} AND status IN ('queued', 'running')
                """, CancellationToken.None);
        }
    }
}
