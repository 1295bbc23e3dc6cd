using Microsoft.AspNetCore.OutputCaching;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>Evicts every public entry of this instance's output cache (the listener calls it on each notification).</summary>
public sealed class PublicCacheInvalidator(IOutputCacheStore store, PublicCacheState state, ILogger<PublicCacheInvalidator> logger)
{
    public async Task EvictAllAsync(string reason, CancellationToken cancellationToken = default)
    {
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            // The generation moves first: a response rendered before this point is no longer stored.
            var generation = state.NextGeneration();
            await store.EvictByTagAsync(CacheTags.Public, cancellationToken);
            logger.LogDebug("Output cache evicted ({Reason}); generation {Generation}", reason, generation);
        }
        finally
        {
            state.Gate.Release();
        }
    }
}
