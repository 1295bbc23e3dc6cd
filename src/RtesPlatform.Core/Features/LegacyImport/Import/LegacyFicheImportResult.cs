using RtesPlatform.Core.Features.LegacyImport.Matching;

namespace RtesPlatform.Core.Features.LegacyImport.Import;

/// <summary>The report line of one fiche: what was read, what it was matched to, what was written.</summary>
public sealed record LegacyFicheImportResult(
    LegacyFiche Fiche,
    ReferenceMatch Match,
    LegacyImportOutcome Outcome,
    string? TenantSlug,
    bool TenantCreated,
    IReadOnlyList<string> Notes)
{
    public bool Imported => Outcome is LegacyImportOutcome.DraftCreated or LegacyImportOutcome.DraftUpdated or LegacyImportOutcome.Unchanged;

    /// <summary>"SIREN 200066009" or "INSEE 44" of the matched record.</summary>
    public string? OfficialIdentifier => Match.Reference switch
    {
        null => null,
        { Siren: { } siren } => "SIREN " + siren,
        { } reference => "INSEE " + reference.Code,
    };
}
