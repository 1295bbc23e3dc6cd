namespace RtesPlatform.Core.Features.Jobs;

/// <summary>One firing of the cluster heartbeat (table <c>job_heartbeats</c>), kept 7 days.</summary>
public sealed class HeartbeatRecord
{
    public long Id { get; set; }

    /// <summary>The firing's scheduled time: unique per firing, whichever node ran it.</summary>
    public DateTimeOffset ScheduledFireTime { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    /// <summary>The Quartz instance id of the node that ran the firing.</summary>
    public required string InstanceId { get; set; }
}
