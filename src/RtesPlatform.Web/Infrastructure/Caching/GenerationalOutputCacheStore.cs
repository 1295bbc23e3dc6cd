using Microsoft.AspNetCore.OutputCaching;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// Wraps the output cache store (in memory today, Redis tomorrow): refuses to store a response
/// rendered before the latest eviction. Without it, a page that read the old version just before a
/// publication and finished just after the eviction would be stored and served until it expires.
/// The generation tag is an internal marker and never reaches the inner store.
/// </summary>
public sealed class GenerationalOutputCacheStore(IOutputCacheStore inner, PublicCacheState state) : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        inner.GetAsync(key, cancellationToken);

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        long? renderedIn = null;
        var kept = new List<string>(tags?.Length ?? 0);
        foreach (var tag in tags ?? [])
        {
            if (CacheTags.TryParseGeneration(tag, out var generation))
            {
                renderedIn = generation;
            }
            else
            {
                kept.Add(tag);
            }
        }

        if (renderedIn is null)
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            return;
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            if (renderedIn == state.Generation)
            {
                await inner.SetAsync(key, value, [.. kept], validFor, cancellationToken);
            }
        }
        finally
        {
            state.Gate.Release();
        }
    }
}
