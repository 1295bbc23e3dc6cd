namespace RtesPlatform.Core.Features.LegacyImport.Import;

/// <summary>The report of one file: a file-level error, or one result per fiche.</summary>
public sealed record LegacyImportReport(
    string FileName,
    bool DryRun,
    string? Error,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<LegacyFicheImportResult> Fiches)
{
    public int ImportedCount => Fiches.Count(f => f.Imported);

    /// <summary>0: every fiche imported; 3: some fiches not imported; 1: nothing imported (or the file was refused).</summary>
    public int ExitCode => Error is not null || ImportedCount == 0 ? 1 : ImportedCount < Fiches.Count ? 3 : 0;

    public static LegacyImportReport Failed(string fileName, bool dryRun, string error) => new(fileName, dryRun, error, [], []);
}
