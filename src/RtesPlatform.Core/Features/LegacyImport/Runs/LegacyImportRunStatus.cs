namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>The states of a run, as stored (<c>legacy_import_runs.status</c>).</summary>
public static class LegacyImportRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Succeeded or Failed;

    public static string French(string status) => status switch
    {
        Queued => "en attente",
        Running => "en cours",
        Succeeded => "terminé",
        _ => "échec",
    };
}
