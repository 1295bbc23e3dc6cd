using RtesPlatform.Core.Features.LegacyImport.Matching;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.LegacyImport.Import;

/// <summary>
/// A file read, parsed and ready to import fiche by fiche (<see cref="LegacyImporter.ImportFicheAsync"/>),
/// or refused (<see cref="Error"/>). Parsing is deterministic: the same bytes give the same fiches in
/// the same order, which is what lets a run resume at the fiche where a crash stopped it.
/// </summary>
public sealed class LegacyImportPlan
{
    internal LegacyImportPlan(string fileName, bool dryRun, string? error, IReadOnlyList<string> warnings, IReadOnlyList<LegacyFiche> fiches, ReferenceMatcher? matcher, RefCollectivity? stated)
    {
        FileName = fileName;
        DryRun = dryRun;
        Error = error;
        Warnings = warnings;
        Fiches = fiches;
        Matcher = matcher;
        Stated = stated;
    }

    public string FileName { get; }
    public bool DryRun { get; }
    public string? Error { get; }
    public IReadOnlyList<string> Warnings { get; }
    public IReadOnlyList<LegacyFiche> Fiches { get; }
    internal ReferenceMatcher? Matcher { get; }
    internal RefCollectivity? Stated { get; }

    /// <summary>What drafts written by this import carry as their author.</summary>
    internal string ImportedBy => "import:" + Path.GetFileName(FileName);

    internal static LegacyImportPlan Failed(string fileName, bool dryRun, string error) => new(fileName, dryRun, error, [], [], null, null);
}
