using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The legacy import job and its one-off triggers (one per run).</summary>
public static class ImportJobKeys
{
    /// <summary>Job data key of a trigger: the id of the <c>legacy_import_runs</c> row to run.</summary>
    public const string RunIdKey = "runId";

    public static JobKey LegacyImport { get; } = new("legacy-import", JobKeys.Group);

    /// <summary>The sweep that schedules again the runs nothing would fire (<see cref="LegacyImport.Runs.LegacyImportSweepJob"/>).</summary>
    public static JobKey OrphanSweep { get; } = new("legacy-import-sweep", JobKeys.Group);

    private const string TriggerPrefix = "legacy-import-";

    public static TriggerKey TriggerFor(Guid runId) => new(TriggerPrefix + runId.ToString("N"), JobKeys.Group);

    /// <summary>The run id in the name of a trigger made by <see cref="TriggerFor"/>, if it is one.</summary>
    public static Guid? RunIdOf(string? triggerName) =>
        triggerName is not null && triggerName.StartsWith(TriggerPrefix, StringComparison.Ordinal)
        && Guid.TryParseExact(triggerName.AsSpan(TriggerPrefix.Length), "N", out var id) ? id : null;
}
