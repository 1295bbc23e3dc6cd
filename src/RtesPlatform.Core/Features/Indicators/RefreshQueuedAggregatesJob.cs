using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Drains the queue of stale (indicator, year) pairs and recomputes them: shortly after a
/// publication (debounced, <see cref="AggregateRefreshRequests"/>) and every minute as a safety
/// net for every other write. Exclusive; idempotent (an empty queue does nothing, a pair
/// recomputed twice gives the same row).
/// </summary>
public sealed class RefreshQueuedAggregatesJob(IndicatorAggregateRefresher refresher)
{
    public const string SweepId = "aggregates-sweep";

    public static JobKind Kind { get; } = new()
    {
        Key = "aggregates-refresh",
        Type = typeof(RefreshQueuedAggregatesJob),
        Method = nameof(RunAsync),
        Name = "Mise à jour des statistiques de comparaison",
        Description = "Recalcule les statistiques touchées par les dernières publications et saisies.",
        Retry = JobRetryPolicy.Exponential(3, TimeSpan.FromSeconds(10)),
        Exclusive = true,
        KeepSucceededFor = TimeSpan.FromHours(2),
    };

    public Task<int> RunAsync(CancellationToken cancellationToken) => refresher.RefreshPendingAsync(cancellationToken);
}
