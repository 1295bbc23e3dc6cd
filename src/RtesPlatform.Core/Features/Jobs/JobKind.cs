using Hangfire.Common;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// A kind of background job: one public method of a job class, declared by its feature
/// (<c>AddXxxJobs</c>) with its French name, its retry policy and whether two may run at once.
/// Hangfire runs a job at least once (a job whose worker dies runs again), so every kind is
/// idempotent: running it twice has no double effect (ADR 0008).
/// </summary>
public sealed record JobKind
{
    /// <summary>A stable key, in English (<c>legacy-import</c>): the jobs page's anchors and the dashboard's job names.</summary>
    public required string Key { get; init; }

    public required Type Type { get; init; }

    /// <summary>The job method's name on <see cref="Type"/>.</summary>
    public required string Method { get; init; }

    /// <summary>What people call it on the jobs page (French).</summary>
    public required string Name { get; init; }

    /// <summary>What it does, one sentence (French).</summary>
    public required string Description { get; init; }

    public required JobRetryPolicy Retry { get; init; }

    /// <summary>Never two at once in the cluster (a distributed lock around the run; a second waits for the first).</summary>
    public bool Exclusive { get; init; }

    /// <summary>Needs the tenant of the unit of work that created it: refused at enqueue without one.</summary>
    public bool RequiresTenant { get; init; }

    /// <summary>How long a succeeded run stays listed (frequent jobs: less, so that the rare ones stay visible).</summary>
    public TimeSpan KeepSucceededFor { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Whether the jobs page may start it now without arguments (an import needs its file).</summary>
    public bool CanRunNow { get; init; } = true;

    public bool Matches(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Type == Type && job.Method.Name == Method;
    }
}
