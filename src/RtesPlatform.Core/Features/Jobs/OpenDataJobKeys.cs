using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The open-data export and the cluster heartbeat, by name (group "rtes").</summary>
public static class OpenDataJobKeys
{
    public static JobKey Export { get; } = new("open-data-export", JobKeys.Group);

    public static TriggerKey ExportNightly { get; } = new("open-data-export-nightly", JobKeys.Group);

    /// <summary>Fired at each start of a node: generates the files only when none is stored yet (fresh install).</summary>
    public static TriggerKey ExportIfMissing { get; } = new("open-data-export-if-missing", JobKeys.Group);

    public static JobKey Heartbeat { get; } = new("cluster-heartbeat", JobKeys.Group);

    public static TriggerKey HeartbeatTrigger { get; } = new("cluster-heartbeat", JobKeys.Group);
}
