using System.Text.Json.Serialization;
using RtesPlatform.Core.Features.LegacyImport.Import;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>
/// One fiche of a run's kept report: what the report page shows of a <see cref="LegacyFicheImportResult"/>
/// (the parsed fiche itself is not kept; the file is).
/// </summary>
public sealed record LegacyImportRunLine(
    string? SourceName,
    int FirstLine,
    string? Collectivity,
    string? OfficialIdentifier,
    string? Reason,
    IReadOnlyList<string> Candidates,
    LegacyImportOutcome Outcome,
    string? TenantSlug,
    bool TenantCreated,
    int FiguresExtracted,
    int FiguresNotExtracted,
    IReadOnlyList<string> Remarks)
{
    /// <summary>The lines kept as "texte non classé" on the draft (absent from reports kept before it existed).</summary>
    public IReadOnlyList<string>? Unclassified { get; init; }

    [JsonIgnore]
    public bool Imported => Outcome is LegacyImportOutcome.DraftCreated or LegacyImportOutcome.DraftUpdated or LegacyImportOutcome.Unchanged;

    public static LegacyImportRunLine From(LegacyFicheImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var fiche = result.Fiche;
        return new(
            fiche.SourceName,
            fiche.FirstLine,
            result.Match.Reference?.DisplayName,
            result.OfficialIdentifier,
            result.Match.Reference is null ? result.Match.Reason : null,
            result.Match.Reference is null ? [.. result.Match.Candidates.Select(c => c.Describe())] : [],
            result.Outcome,
            result.TenantSlug,
            result.TenantCreated,
            fiche.Report.FiguresExtracted.Count,
            fiche.Report.FiguresNotExtracted.Count,
            [.. result.Notes.Concat(fiche.Report.Warnings)])
        {
            Unclassified = fiche.Content.Unclassified?.Split('\n') ?? [],
        };
    }
}
