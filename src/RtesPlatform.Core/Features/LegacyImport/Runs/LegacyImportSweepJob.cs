using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// Finds import runs that nothing in the job store would ever fire — stored by
/// <see cref="LegacyImportRuns.EnqueueAsync"/> by a process that died before it stored their
/// trigger, or interrupted with no trigger, recovery trigger or firing left — and schedules them
/// again (the job resumes a run at the fiche where it stopped). A run interrupted
/// <see cref="ImportJobOptions.MaxAttempts"/> times is marked failed with a French message instead.
/// So a run never stays "en attente" or "en cours" for ever. Never retried: a sweep that fails
/// (the database restarting) is simply done again at its next interval.
/// </summary>
[DisallowConcurrentExecution]
[RetryPolicy(0)]
public sealed class LegacyImportSweepJob(
    RtesDbContext db, TimeProvider clock, IOptions<ImportJobOptions> options, ILogger<LegacyImportSweepJob> logger) : IJob
{
    public const string TooManyAttempts =
        "Le traitement a été interrompu trop de fois (arrêt du serveur pendant l'import) : il a été abandonné. Déposez le fichier à nouveau.";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cutoff = clock.GetUtcNow() - options.Value.OrphanGrace;
        var candidates = await db.LegacyImportRuns.AsNoTracking()
            .Where(r => (r.Status == LegacyImportRunStatus.Queued || r.Status == LegacyImportRunStatus.Running) && r.RequestedAt < cutoff)
            .Select(r => new { r.Id, r.Status, r.Attempts })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            context.Result = 0;
            return;
        }

        var scheduler = context.Scheduler;
        // Every trigger of the import job (the runs' own, retries, recovery triggers of a dead
        // node) carries its run id in its data.
        var covered = new HashSet<Guid>();
        foreach (var trigger in await scheduler.GetTriggersOfJob(ImportJobKeys.LegacyImport, cancellationToken))
        {
            if (trigger.JobDataMap.TryGetString(ImportJobKeys.RunIdKey, out var text) && Guid.TryParse(text, out var id)
                || ImportJobKeys.RunIdOf(trigger.Key.Name) is { } fromName && (id = fromName) != Guid.Empty)
            {
                covered.Add(id);
            }
        }

        // A firing in progress anywhere in the cluster (or waiting for recovery) may be running a
        // "running" run whose trigger is gone: leave those alone until nothing of the job fires.
        var firings = await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM qrtz_fired_triggers WHERE job_name = {ImportJobKeys.LegacyImport.Name} AND job_group = {ImportJobKeys.LegacyImport.Group}
            """).SingleAsync(cancellationToken);

        var rescheduled = 0;
        foreach (var run in candidates.Where(r => !covered.Contains(r.Id)))
        {
            if (run.Status == LegacyImportRunStatus.Running && firings > 0)
            {
                continue;
            }

            if (run.Attempts >= options.Value.MaxAttempts)
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE legacy_import_runs SET status = 'failed', error = {TooManyAttempts}, finished_at = {clock.GetUtcNow()}
                     WHERE id = {run.Id} AND status IN ('queued', 'running')
                    """, cancellationToken);
                logger.LogWarning("Legacy import run {RunId} was interrupted {Attempts} times: marked failed", run.Id, run.Attempts);
                continue;
            }

            await scheduler.ScheduleTrigger(LegacyImportRuns.TriggerFor(run.Id, options.Value), TriggerConflict.Keep, cancellationToken);
            logger.LogWarning("Legacy import run {RunId} was {Status} with nothing scheduled to run it: scheduled again", run.Id, run.Status);
            rescheduled++;
        }

        context.Result = rescheduled;
    }
}
