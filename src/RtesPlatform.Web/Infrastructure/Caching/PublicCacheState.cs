namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// The state the cache policy, the store and the invalidator share on one instance: whether change
/// notifications are heard (no cache while they are not: a change would go unnoticed), and the
/// generation, bumped by every eviction. A response rendered in an earlier generation is not
/// stored (<see cref="GenerationalOutputCacheStore"/>): it may show data older than the eviction.
/// </summary>
public sealed class PublicCacheState : IDisposable
{
    private long _generation;
    private int _listening;

    /// <summary>Taken by an eviction and by each store, so that no store slips between the check and the eviction.</summary>
    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public long Generation => Interlocked.Read(ref _generation);

    public bool IsListening => Volatile.Read(ref _listening) == 1;

    /// <summary>Completed by the first <see cref="SetListening"/> with true (tests and start-up wait on it).</summary>
    public Task FirstListening => _firstListening.Task;

    private readonly TaskCompletionSource _firstListening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal long NextGeneration() => Interlocked.Increment(ref _generation);

    internal void SetListening(bool listening)
    {
        Volatile.Write(ref _listening, listening ? 1 : 0);
        if (listening)
        {
            _firstListening.TrySetResult();
        }
    }

    public void Dispose() => Gate.Dispose();
}
