using System.Globalization;
using System.Text;
using RtesPlatform.Core.Features.LegacyImport;
using RtesPlatform.Core.Features.LegacyImport.Import;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>The import report as text for the command line, in French like the rest of the product.</summary>
public static class LegacyImportReportText
{
    public static string Format(LegacyImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Import de {report.FileName}{(report.DryRun ? " (essai à blanc : rien n'est enregistré)" : "")}");
        if (report.Error is { } error)
        {
            text.AppendLine(inv, $"ERREUR : {error}");
            return text.ToString();
        }

        foreach (var warning in report.Warnings)
        {
            text.AppendLine(inv, $"Attention : {warning}");
        }

        foreach (var result in report.Fiches)
        {
            var fiche = result.Fiche;
            text.AppendLine();
            text.AppendLine(inv, $"• {fiche.SourceName ?? "(fiche sans nom)"} (ligne {fiche.FirstLine})");
            text.AppendLine(inv, $"  Collectivité : {Describe(result)}");
            text.AppendLine(inv, $"  Résultat : {Outcome(result.Outcome)}{(result.TenantSlug is { } slug ? $" — /collectivites/{slug}" : "")}{(result.TenantCreated ? " (collectivité créée)" : "")}");
            foreach (var candidate in result.Match.Candidates.Take(result.Match.Reference is null ? 5 : 0))
            {
                text.AppendLine(inv, $"    candidat : {candidate.Describe()} — similarité {candidate.Score.ToString("P0", CultureInfo.GetCultureInfo("fr-FR"))}");
            }

            var r = fiche.Report;
            text.AppendLine(inv, $"  Champs trouvés : {Join(r.FieldsFound)}");
            text.AppendLine(inv, $"  Champs manquants : {Join(r.FieldsMissing)}");
            text.AppendLine(inv, $"  Chiffres extraits : {r.FiguresExtracted.Count}{string.Concat(r.FiguresExtracted.Select(f => $"\n    {f.Figure} ({f.Year?.ToString(inv) ?? "année ?"}) → {f.Became}"))}");
            if (r.FiguresNotExtracted.Count > 0)
            {
                text.AppendLine(inv, $"  Chiffres laissés dans le texte : {r.FiguresNotExtracted.Count}{string.Concat(r.FiguresNotExtracted.Select(f => $"\n    {f.Figure} (ligne {f.LineNumber}) : {(f.Issue is { } issue ? LegacyFigureIssues.French(issue) : "non retenu")}"))}");
            }

            text.AppendLine(inv, $"  Paragraphes gardés comme texte : {r.NarrativeParagraphs}");
            foreach (var note in result.Notes.Concat(r.Warnings))
            {
                text.AppendLine(inv, $"  Note : {note}");
            }
        }

        text.AppendLine();
        text.Append(inv, $"{report.ImportedCount} fiche(s) importée(s) sur {report.Fiches.Count}.");
        return text.ToString();
    }

    private static string Describe(LegacyFicheImportResult result) => result.Match.Reference switch
    {
        { } reference => $"{reference.DisplayName} ({result.OfficialIdentifier})",
        null => $"non trouvée — {result.Match.Reason}",
    };

    public static string Outcome(LegacyImportOutcome outcome) => outcome switch
    {
        LegacyImportOutcome.DraftCreated => "brouillon créé",
        LegacyImportOutcome.DraftUpdated => "brouillon mis à jour",
        LegacyImportOutcome.Unchanged => "inchangé (déjà importé)",
        LegacyImportOutcome.SkippedDraftEdited => "non importé : brouillon modifié conservé",
        LegacyImportOutcome.RefusedByRules => "non importé : règles de la fiche non respectées (voir les notes)",
        _ => "non importé : collectivité à identifier",
    };

    private static string Join(IReadOnlyList<string> items) => items.Count == 0 ? "aucun" : string.Join(", ", items);
}
