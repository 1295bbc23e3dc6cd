using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>Configuration section <c>OutputCaching</c> (docs/adr/0006-output-cache-invalidation.md).</summary>
public sealed class OutputCachingOptions
{
    public const string SectionName = "OutputCaching";

    /// <summary>
    /// False: no output cache and no listener at all (operations, uncached benchmarks). When not
    /// configured: true, except in the "Testing" environment (<see cref="OutputCachingSetup.IsEnabled"/>).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Longest time an entry is served: the backstop should a change notification ever be lost.
    /// Changes normally evict entries at once (PostgreSQL NOTIFY).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest response kept (an open-data file above it is streamed from the database each time).</summary>
    [Range(1024, long.MaxValue)]
    public long MaximumBodySize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Memory the cache may use on each instance.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long SizeLimit { get; set; } = 100 * 1024 * 1024;

    /// <summary>Longest pause between two attempts to listen again after the database connection was lost.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);
}
