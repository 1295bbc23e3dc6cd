namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>The file-level state of one parse: fiches kept, duplicates, lines outside fiches, warnings.</summary>
internal sealed class LegacyParseSession
{
    private readonly List<LegacyFiche> _fiches = [];
    private readonly List<LegacyFiche> _duplicates = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, LegacyFiche> _byName = new(StringComparer.Ordinal);

    public List<LegacyLineUse> FileLines { get; } = [];

    public void Finish(LegacyFicheBuilder? builder, int firstLine)
    {
        if (builder is null)
        {
            return;
        }

        var fiche = LegacyFicheAssembler.Assemble(builder, firstLine);
        var key = fiche.SourceName is null ? null : LegacyText.Key(fiche.SourceName);
        if (key is not null && _byName.TryGetValue(key, out var first))
        {
            _duplicates.Add(fiche);
            _warnings.Add($"Fiche « {fiche.SourceName} » en double (lignes {first.FirstLine} et {fiche.FirstLine}) : "
                + "la première est gardée, la suivante n'est pas importée.");
            return;
        }

        if (key is not null)
        {
            _byName[key] = fiche;
        }

        _fiches.Add(fiche);
    }

    /// <summary>Text before the first named fiche belongs to no fiche: kept at file level, with a warning.</summary>
    public void SetAside(List<LegacySourceLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        FileLines.AddRange(lines.Select(l => new LegacyLineUse(l.Number, l.Text, LegacyLineRole.BeforeFirstFiche)));
        _warnings.Add($"{lines.Count} ligne(s) avant la première fiche (à partir de la ligne {lines[0].Number}) : "
            + "rattachées à aucune fiche, gardées dans le rapport.");
        lines.Clear();
    }

    public LegacyParseResult Result(int lineCount)
    {
        var error = _fiches.Count > 0 ? null
            : lineCount == 0 ? "Le fichier est vide."
            : FileLines.Count == 0 ? "Le fichier ne contient que des espaces ou des lignes vides."
            : "Aucune fiche RTES reconnue : une fiche commence par le nom de la collectivité seul sur sa ligne, "
                + "suivi d'une rubrique du site (« Panorama de l'ESS sur le territoire », « Budget / Moyens affectés à l'ESS », "
                + "« Année d'adhésion au RTES », « Type de collectivité »…).";
        return new LegacyParseResult
        {
            Fiches = _fiches,
            Duplicates = _duplicates,
            Warnings = _warnings,
            Error = error,
            FileLines = FileLines,
            LineCount = lineCount,
        };
    }
}
