namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// One import of an uploaded file, run by the <c>legacy-import</c> job. Network data (no tenant).
/// <see cref="Done"/> and the report's lines advance in the transaction of each fiche.
/// </summary>
public sealed class LegacyImportRun
{
    public Guid Id { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public bool DryRun { get; init; }
    /// <summary>For a one-fiche file without identity: the SIREN or "kind:code" of its collectivity.</summary>
    public string? Collectivity { get; init; }
    public string? RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public required string Status { get; set; }
    public int? Total { get; set; }
    public int Done { get; set; }
    /// <summary>A <see cref="LegacyImportRunReport"/> as JSON.</summary>
    public string? Report { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }
}
