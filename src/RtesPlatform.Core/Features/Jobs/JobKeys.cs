using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The platform's jobs, by name (group "rtes"). Their triggers live in the job store.</summary>
public static class JobKeys
{
    public const string Group = "rtes";

    public static JobKey AggregatesRefresh { get; } = new("aggregates-refresh", Group);
    public static JobKey AggregatesNightly { get; } = new("aggregates-nightly", Group);

    /// <summary>The one-off trigger a publication schedules; while it waits, later publications join it.</summary>
    public static TriggerKey AggregatesSoon { get; } = new("aggregates-refresh-soon", Group);
}
