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
}
