using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Retry of a failed import run. Unset, a run inherits the scheduler's default exponential policy
/// (<see cref="JobsSetup.DefaultRetry"/>); tests set a short one.
/// </summary>
public sealed class ImportJobOptions
{
    public const string SectionName = "Jobs:Import";

    /// <summary>Retries after the first failure, if the run has a policy of its own.</summary>
    [Range(1, 20)]
    public int? RetryAttempts { get; set; }

    /// <summary>Wait before the first retry (doubled each time), if the run has a policy of its own.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan? RetryDelay { get; set; }

    /// <summary>
    /// How often <c>legacy-import-sweep</c> looks for runs that nothing in the job store would ever
    /// fire (a crash between storing a run and scheduling its trigger) and schedules them again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Age of a run before the sweep considers it (the time a queueing request takes to store its trigger).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Firings after which an interrupted run is marked failed instead of being scheduled again (a file that kills its node).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
