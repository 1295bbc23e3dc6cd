using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// Finds import runs that no job would ever run — stored by <see cref="LegacyImportRuns.EnqueueAsync"/>
/// by a process that died before it enqueued their job, or whose job ended without the run
/// recording it — and enqueues them again (the job resumes a run at the fiche where it stopped). A
/// run started <see cref="ImportJobOptions.MaxAttempts"/> times is marked failed with a French
/// message instead. So a run never stays "en attente" or "en cours" for ever. A job enqueued,
/// scheduled for a retry or processing (also on a node that died: it is run again once its
/// invisibility timeout lapses) covers its run. Never retried: a sweep that fails (the database
/// restarting) is simply done again at its next occurrence. Idempotent: a covered run is left alone.
/// </summary>
public sealed class LegacyImportSweepJob(
    RtesDbContext db, JobStorage storage, IBackgroundJobClient jobs, TimeProvider clock,
    IOptions<ImportJobOptions> options, ILogger<LegacyImportSweepJob> logger)
{
    public const string RecurringId = "legacy-import-sweep";

    public const string TooManyAttempts =
        "Le traitement a été interrompu trop de fois (arrêt du serveur pendant l'import) : il a été abandonné. Déposez le fichier à nouveau.";

    public static JobKind Kind { get; } = new()
    {
        Key = "legacy-import-sweep",
        Type = typeof(LegacyImportSweepJob),
        Method = nameof(RunAsync),
        Name = "Relance des imports interrompus",
        Description = "Relance les imports en attente que rien ne traiterait plus (après un arrêt brutal d’un serveur).",
        Retry = JobRetryPolicy.None,
        Exclusive = true,
        KeepSucceededFor = TimeSpan.FromHours(1),
    };

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.OrphanGrace;
        var candidates = await db.LegacyImportRuns.AsNoTracking()
            .Where(r => (r.Status == LegacyImportRunStatus.Queued || r.Status == LegacyImportRunStatus.Running) && r.RequestedAt < cutoff)
            .Select(r => new { r.Id, r.Attempts })
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var covered = CoveredRuns();
        var enqueued = 0;
        foreach (var run in candidates.Where(r => !covered.Contains(r.Id)))
        {
            if (run.Attempts >= options.Value.MaxAttempts)
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE legacy_import_runs SET status = 'failed', error = {TooManyAttempts}, finished_at = {clock.GetUtcNow()}
                     WHERE id = {run.Id} AND status IN ('queued', 'running')
                    """, cancellationToken);
                logger.LogWarning("Legacy import run {RunId} was interrupted {Attempts} times: marked failed", run.Id, run.Attempts);
                continue;
            }

            jobs.Enqueue<LegacyImportJob>(j => j.ExecuteAsync(run.Id, null, CancellationToken.None));
            logger.LogWarning("Legacy import run {RunId} had no job left to run it: enqueued again", run.Id);
            enqueued++;
        }

        return enqueued;
    }

    /// <summary>The runs an import job will still run: enqueued, scheduled (a retry) or processing.</summary>
    private HashSet<Guid> CoveredRuns()
    {
        var monitoring = storage.GetMonitoringApi();
        var jobsAlive = monitoring.ProcessingJobs(0, int.MaxValue).Select(j => j.Value.Job)
            .Concat(monitoring.ScheduledJobs(0, int.MaxValue).Select(j => j.Value.Job))
            .Concat(monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, int.MaxValue)).Select(j => j.Value.Job));
        return [.. jobsAlive
            .Where(job => job is not null && job.Type == typeof(LegacyImportJob) && job.Args.Count > 0 && job.Args[0] is Guid)
            .Select(job => (Guid)job!.Args[0])];
    }
}
