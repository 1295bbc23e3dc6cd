namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>A run as the network console shows it (without the file).</summary>
public sealed record LegacyImportRunView(
    Guid Id,
    string FileName,
    bool DryRun,
    string? RequestedBy,
    DateTimeOffset RequestedAt,
    string Status,
    int? Total,
    int Done,
    string? Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    LegacyImportRunReport? Report)
{
    public bool IsFinished => LegacyImportRunStatus.IsFinished(Status);
}
