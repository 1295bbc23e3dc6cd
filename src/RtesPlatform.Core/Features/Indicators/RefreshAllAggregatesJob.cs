using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>Recomputes every aggregate (nightly): repairs whatever a queue could have missed. Idempotent.</summary>
public sealed class RefreshAllAggregatesJob(IndicatorAggregateRefresher refresher)
{
    public const string NightlyId = "aggregates-nightly";

    public static JobKind Kind { get; } = new()
    {
        Key = "aggregates-nightly",
        Type = typeof(RefreshAllAggregatesJob),
        Method = nameof(RunAsync),
        Name = "Recalcul complet des statistiques de comparaison",
        Description = "Recalcule toutes les statistiques de comparaison, chaque nuit.",
        Retry = JobRetryPolicy.Default,
        Exclusive = true,
    };

    public Task<int> RunAsync(CancellationToken cancellationToken) => refresher.RefreshAllAsync(cancellationToken);
}
