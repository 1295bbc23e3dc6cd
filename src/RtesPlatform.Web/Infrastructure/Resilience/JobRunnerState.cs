namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>Where <see cref="DatabaseGatedJobRunner"/> stands in starting this node's job server.</summary>
public enum JobRunnerState
{
    /// <summary>Not started yet: waiting for the database.</summary>
    Waiting,

    /// <summary>Started (Hangfire rides out later outages itself).</summary>
    Started,

    /// <summary>Stopped (the host is stopping).</summary>
    Stopped,

    /// <summary>Gave up on a failure that is not an outage; this node runs no jobs.</summary>
    Failed,
}
