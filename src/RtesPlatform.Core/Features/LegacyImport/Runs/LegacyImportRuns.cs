using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// Queues imports of uploaded files and reads them back for the network console. A run is stored
/// with its file, then a job of the <c>legacy-import</c> kind is enqueued in the job storage:
/// whichever node is free runs the import (<see cref="LegacyImportJob"/>).
/// </summary>
public sealed class LegacyImportRuns(RtesDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<LegacyImportRuns> logger)
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

        // A crash right here leaves the run queued with no job: LegacyImportSweepJob enqueues it again.
        try
        {
            jobs.Enqueue<LegacyImportJob>(j => j.ExecuteAsync(run.Id, null, CancellationToken.None));
        }
        catch (BackgroundJobClientException exception)
        {
            // The run would wait for ever: say so on it rather than leave it queued.
            logger.LogError(exception, "Could not enqueue the legacy import run {RunId}", run.Id);
            run.Status = LegacyImportRunStatus.Failed;
            run.Error = "Le traitement n'a pas pu être programmé : " + (exception.InnerException ?? exception).Message;
            run.FinishedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        logger.LogInformation("Legacy import run {RunId} queued ({Bytes} bytes, dry run: {DryRun})", run.Id, content.Length, dryRun);
        return run.Id;
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
