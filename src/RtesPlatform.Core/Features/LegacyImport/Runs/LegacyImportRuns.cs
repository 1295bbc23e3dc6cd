using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// Queues imports of uploaded files and reads them back for the network console. A run is stored
/// with its file, then a one-off trigger of the <c>legacy-import</c> job is stored in the clustered
/// job store: whichever node acquires it runs the import (<see cref="LegacyImportJob"/>).
/// </summary>
public sealed class LegacyImportRuns(
    RtesDbContext db, ISchedulerFactory schedulers, TimeProvider clock, IOptions<ImportJobOptions> options, ILogger<LegacyImportRuns> logger)
{
    public async Task<Guid> EnqueueAsync(
        byte[] content, string fileName, bool dryRun, string? collectivity, string? requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(fileName);
        var run = new LegacyImportRun
        {
            Id = Guid.CreateVersion7(),
            FileName = name.Length > 260 ? name[..260] : name,
            Content = content,
            DryRun = dryRun,
            Collectivity = collectivity,
            RequestedBy = requestedBy,
            RequestedAt = clock.GetUtcNow(),
            Status = LegacyImportRunStatus.Queued,
        };
        db.LegacyImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        // A crash right here leaves the run queued with no trigger: LegacyImportSweepJob schedules it again.
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.ScheduleTrigger(TriggerFor(run.Id, options.Value), TriggerConflict.Keep, cancellationToken);
        }
        catch (SchedulerException exception)
        {
            // The run would wait for ever: say so on it rather than leave it queued.
            logger.LogError(exception, "Could not schedule the legacy import run {RunId}", run.Id);
            run.Status = LegacyImportRunStatus.Failed;
            run.Error = "Le traitement n'a pas pu être programmé : " + exception.Message;
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        logger.LogInformation("Legacy import run {RunId} queued ({Bytes} bytes, dry run: {DryRun})", run.Id, content.Length, dryRun);
        return run.Id;
    }

    /// <summary>The one-off trigger that runs <paramref name="runId"/> (also used by <see cref="LegacyImportSweepJob"/>).</summary>
    internal static ITrigger TriggerFor(Guid runId, ImportJobOptions options)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ImportJobKeys.TriggerFor(runId))
            .ForJob(ImportJobKeys.LegacyImport)
            .UsingJobData(ImportJobKeys.RunIdKey, runId.ToString())
            .StartNow();
        if (options is { RetryAttempts: { } attempts, RetryDelay: { } delay })
        {
            trigger = trigger.WithRetryPolicy(RetryPolicy.Exponential(attempts, delay, 2, TimeSpan.FromMinutes(30)));
        }

        return trigger.Build();
    }

    /// <summary>A run; with its report once it is finished, if asked (the progress poll does not).</summary>
    public async Task<LegacyImportRunView?> FindAsync(Guid id, bool withReport, CancellationToken cancellationToken)
    {
        var row = await Views(db.LegacyImportRuns.Where(r => r.Id == id), withReport).SingleOrDefaultAsync(cancellationToken);
        return row?.ToView();
    }

    /// <summary>The latest runs, newest first, without their reports.</summary>
    public async Task<IReadOnlyList<LegacyImportRunView>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        var rows = await Views(db.LegacyImportRuns.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Take(count), withReport: false)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToView())];
    }

    // Never the file: it can weigh 64 MB.
    private static IQueryable<RunRow> Views(IQueryable<LegacyImportRun> runs, bool withReport) => runs.AsNoTracking().Select(r => new RunRow(
        r.Id, r.FileName, r.DryRun, r.RequestedBy, r.RequestedAt, r.Status, r.Total, r.Done, r.Error, r.StartedAt, r.FinishedAt, r.Attempts,
        withReport && (r.Status == LegacyImportRunStatus.Succeeded || r.Status == LegacyImportRunStatus.Failed) ? r.Report : null));

    private sealed record RunRow(
        Guid Id, string FileName, bool DryRun, string? RequestedBy, DateTimeOffset RequestedAt, string Status, int? Total, int Done,
        string? Error, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempts, string? Report)
    {
        public LegacyImportRunView ToView() => new(
            Id, FileName, DryRun, RequestedBy, RequestedAt, Status, Total, Done, Error, StartedAt, FinishedAt, Attempts,
            LegacyImportRunReport.FromJson(Report));
    }
}
