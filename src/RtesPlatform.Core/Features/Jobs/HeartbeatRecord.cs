namespace RtesPlatform.Core.Features.Jobs;

/// <summary>One occurrence of the cluster heartbeat (table <c>job_heartbeats</c>), kept 7 days.</summary>
public sealed class HeartbeatRecord
{
    public long Id { get; set; }

    /// <summary>The occurrence's scheduled time: unique per occurrence, whichever node ran it.</summary>
    public DateTimeOffset ScheduledFireTime { get; set; }

    public DateTimeOffset FiredAt { get; set; }

    /// <summary>The Hangfire server id of the node that ran the occurrence.</summary>
    public required string InstanceId { get; set; }
}
