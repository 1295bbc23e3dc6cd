namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Retries of a failed run: how many after the first failure, and the wait before each
/// (the last delay repeats). After the last one the job is "failed" and stays listed.
/// </summary>
public sealed record JobRetryPolicy(int Attempts, IReadOnlyList<TimeSpan> Delays)
{
    /// <summary>5 more attempts, after 30 s, 1, 2, 4 and 8 min (the platform's default, as under Quartz).</summary>
    public static JobRetryPolicy Default { get; } = Exponential(5, TimeSpan.FromSeconds(30));

    /// <summary>No retry: the next occurrence does the work again (sweeps, heartbeat).</summary>
    public static JobRetryPolicy None { get; } = new(0, []);

    /// <summary><paramref name="attempts"/> retries, the first after <paramref name="first"/>, then doubling (capped at 30 min).</summary>
    public static JobRetryPolicy Exponential(int attempts, TimeSpan first)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < attempts; i++)
        {
            var delay = first * Math.Pow(2, i);
            delays.Add(delay > TimeSpan.FromMinutes(30) ? TimeSpan.FromMinutes(30) : delay);
        }

        return new JobRetryPolicy(attempts, delays);
    }

    internal int[] DelaysInSeconds() =>
        Delays.Count == 0 ? [0] : [.. Delays.Select(d => Math.Max(1, (int)Math.Round(d.TotalSeconds)))];
}
