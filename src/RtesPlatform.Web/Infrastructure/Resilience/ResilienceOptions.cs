using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>Settings of the behaviour while the database is unreachable (section <c>Resilience</c>).</summary>
public sealed class ResilienceOptions
{
    public const string SectionName = "Resilience";

    /// <summary>The <c>Retry-After</c> of a 503 answered while the database is unreachable, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>
    /// Retries of a failed database command by EF Core within one request (transient errors only).
    /// Few and short: a request should fail fast with a 503 rather than hang during an outage.
    /// </summary>
    [Range(0, 20)]
    public int DatabaseRetryCount { get; set; } = 2;

    /// <summary>Longest wait between two of those retries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DatabaseMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Npgsql connect timeout (seconds), applied when the connection string does not set
    /// <c>Timeout</c>: an unreachable server fails a request in this time, not Npgsql's 15 s.
    /// </summary>
    [Range(1, 300)]
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// Npgsql keepalive (seconds), applied when the connection string does not set <c>Keepalive</c>:
    /// an idle connection whose server went away is noticed and dropped instead of failing the next request.
    /// </summary>
    [Range(0, 3600)]
    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>Longest wait between two attempts to reach the database at start (jobs, <c>--migrate</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StartupMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
