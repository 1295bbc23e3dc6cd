using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Drains the queue of stale (indicator, year) pairs and recomputes them. Fired shortly after a
/// publication (debounced, see <see cref="AggregateRefreshRequests"/>) and every minute as a safety
/// net for every other write. Never concurrent; idempotent (an empty queue does nothing).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RefreshQueuedAggregatesJob(IndicatorAggregateRefresher refresher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await refresher.RefreshPendingAsync(cancellationToken);
    }
}

/// <summary>Recomputes every aggregate (nightly): repairs whatever a queue could have missed.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshAllAggregatesJob(IndicatorAggregateRefresher refresher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = await refresher.RefreshAllAsync(cancellationToken);
    }
}

/// <summary>
/// Asks for the aggregates to be refreshed soon: one one-off trigger at a time, so a burst of
/// publications gives one refresh (debounce). Safe to call from any instance; the trigger lives
/// in the clustered job store.
/// </summary>
public sealed class AggregateRefreshRequests(
    ISchedulerFactory schedulers, IOptions<JobsOptions> options, ILogger<AggregateRefreshRequests> logger)
{
    public async Task RequestAsync(CancellationToken cancellationToken)
    {
        var trigger = TriggerBuilder.Create()
            .WithIdentity(JobKeys.AggregatesSoon)
            .ForJob(JobKeys.AggregatesRefresh)
            .StartAt(DateTimeOffset.UtcNow + options.Value.AggregateRefreshDelay)
            .Build();
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            // Keep: while a refresh is pending, a later request joins it (an idempotent enqueue).
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
        }
        catch (SchedulerException exception)
        {
            // What was written is committed and queued in the database: the minute sweep refreshes it.
            logger.LogWarning(exception, "Could not schedule the refresh of the comparison aggregates; the periodic sweep will do it");
        }
    }
}
