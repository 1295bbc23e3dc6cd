using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The job system's settings (section <c>Jobs</c>); each feature's jobs have theirs beside.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this process runs a Hangfire server (the web host does; one-shot commands only enqueue).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>Worker threads of a node.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>
    /// How often an idle worker looks at its queue when no notification came (LISTEN/NOTIFY starts
    /// a job at once; this is the fallback while the listener reconnects).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a node looks for due recurring occurrences and delayed jobs (the lateness of a delayed job).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A node's sign of life; a node silent four times as long is removed from the list of servers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ServerHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after its node's last sign of life a running job is taken by another node (the
    /// node running it pushes this forward while it runs, so long jobs are not taken twice).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval of the cluster heartbeat (one row per occurrence in <c>job_heartbeats</c>: proof that recurring jobs run).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);
}
