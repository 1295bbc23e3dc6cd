using System.ComponentModel.DataAnnotations;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>The legacy import job's retry policy and its sweep (section <c>Jobs:Import</c>).</summary>
public sealed class ImportJobOptions
{
    public const string SectionName = "Jobs:Import";

    /// <summary>Retries after the first failure (unset: the platform's default, <see cref="JobRetryPolicy.Default"/>).</summary>
    [Range(0, 20)]
    public int? RetryAttempts { get; set; }

    /// <summary>Wait before the first retry, doubled each time (unset: 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan? RetryDelay { get; set; }

    /// <summary>
    /// How often <c>legacy-import-sweep</c> looks for runs that no job would ever run (a crash between
    /// storing a run and enqueuing its job) and enqueues them again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Age of a run before the sweep considers it (the time a queueing request takes to enqueue its job).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Starts after which an interrupted run is marked failed instead of being enqueued again (a file that kills its node).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    public JobRetryPolicy RetryPolicy() =>
        RetryAttempts is null && RetryDelay is null
            ? JobRetryPolicy.Default
            : JobRetryPolicy.Exponential(RetryAttempts ?? JobRetryPolicy.Default.Attempts, RetryDelay ?? TimeSpan.FromSeconds(30));
}
