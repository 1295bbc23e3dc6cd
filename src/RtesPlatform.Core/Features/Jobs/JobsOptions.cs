using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this process runs jobs (the web host does; one-shot commands only schedule them).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How often a node tells the cluster it is alive; a node silent for longer is recovered by the others.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an idle node waits before looking for due triggers again: the longest delay before
    /// it sees a trigger another node (or a command) stored. Each look is one small query.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Worker threads of a node.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Delay between a publication and the refresh of the comparison aggregates (debounce).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AggregateRefreshDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every write queued in the database is drained, publication or not (safety net).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AggregateSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cron expression (Quartz syntax, Europe/Paris) of the nightly full refresh of the aggregates.</summary>
    [Required]
    public string NightlyAggregatesCron { get; set; } = "0 30 2 * * ?";

    /// <summary>Cron expression (Quartz syntax, Europe/Paris) of the nightly generation of the open-data files.</summary>
    [Required]
    public string OpenDataExportCron { get; set; } = "0 0 3 * * ?";

    /// <summary>Interval of the cluster heartbeat (one row per firing in <c>job_heartbeats</c>: proof the scheduler runs).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);
}
