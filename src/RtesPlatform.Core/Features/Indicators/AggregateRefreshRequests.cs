using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Asks for the aggregates to be refreshed soon: one delayed job at a time, so a burst of
/// publications gives one refresh (debounce): while the pending one has not started, a later
/// request joins it. Safe from any instance: the pending job's id and the lock are in the job storage.
/// </summary>
public sealed class AggregateRefreshRequests(
    IBackgroundJobClient jobs, JobStorage storage, IOptions<IndicatorJobOptions> options, ILogger<AggregateRefreshRequests> logger)
{
    private const string PendingKey = "rtes:aggregates-refresh-soon";

    public Task RequestAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = storage.GetConnection();
            using (connection.AcquireDistributedLock(PendingKey, TimeSpan.FromSeconds(2)))
            {
                if (connection.GetAllEntriesFromHash(PendingKey) is { } entries && entries.TryGetValue("job", out var pending)
                    && connection.GetStateData(pending)?.Name is { } state
                    && (state == ScheduledState.StateName || state == EnqueuedState.StateName))
                {
                    return Task.CompletedTask;
                }

                var id = jobs.Schedule<RefreshQueuedAggregatesJob>(j => j.RunAsync(CancellationToken.None), options.Value.AggregateRefreshDelay);
                connection.SetRangeInHash(PendingKey, [new KeyValuePair<string, string>("job", id)]);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What was written is committed and queued in the database: the minute sweep refreshes it.
            logger.LogWarning(exception, "Could not schedule the refresh of the comparison aggregates; the periodic sweep will do it");
        }

        return Task.CompletedTask;
    }
}
