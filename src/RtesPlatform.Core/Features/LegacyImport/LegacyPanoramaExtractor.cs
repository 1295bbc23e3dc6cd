using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Key figures of the panorama: a number followed by a unit the network compares
/// ("15 000 établissements employeurs" → count, "202 000 salariés" → persons, "14 % de l'emploi
/// privé" → percent, also bénévoles, associations, structures agréées, SCOP, SCIC, ETP), kept only
/// with a year (<see cref="LegacyYearScope"/>) and when nothing around it makes it a range, a
/// part, a threshold or a rate (<see cref="LegacyFigureRules"/>). A share of employment is kept only
/// when its sentence is about the ESS. The label is the unit as written; the text stays in the narrative.
/// </summary>
internal static class LegacyPanoramaExtractor
{
    public static List<KeyFigure> Extract(IReadOnlyList<LegacySourceLine> lines, LegacyFigureNotes notes)
    {
        var scope = new LegacyYearScope(lines);
        var figures = new List<KeyFigure>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var standsAlone = line.BlankBefore && (i + 1 == lines.Count || lines[i + 1].BlankBefore);
            if (scope.Observe(line, standsAlone) || !FrenchNumbers.MayHoldNumber(line.Text))
            {
                continue;
            }

            foreach (var sentence in LegacySentences.Ranges(line.Matching))
            {
                ReadSentence(line, sentence, scope, notes, figures);
            }
        }

        return figures;
    }

    private static void ReadSentence(
        LegacySourceLine line, Range range, LegacyYearScope scope, LegacyFigureNotes notes, List<KeyFigure> figures)
    {
        var matching = line.Matching[range];
        var matches = FrenchNumbers.Figures(matching);
        if (matches.Count == 0)
        {
            return;
        }

        var sentence = line.Text[range];

        var years = LegacyFigureRules.Years(matching, LegacyYearScope.NumberSpans(matching));
        var units = new HashSet<string>(StringComparer.Ordinal);
        var previousEnd = 0;
        foreach (var match in matches)
        {
            var (label, unit, code) = Describe(sentence, match);
            var issue = LegacyFigureRules.Qualify(matching, match.Index, match.Length, previousEnd);
            previousEnd = match.Index + match.Length;
            if (!units.Add(Family(match)))
            {
                issue ??= LegacyFigureIssue.RepeatedUnit;
            }

            if (unit == FigureUnit.Percent && !LegacyFigureRules.IsAboutEss(matching))
            {
                issue ??= LegacyFigureIssue.NotAboutEss;
            }

            var (year, yearIssue) = scope.Resolve(years);
            issue ??= yearIssue;
            var value = FrenchNumbers.Value(match);
            notes.Add(new LegacyFigureNote
            {
                Section = LegacySection.Panorama,
                LineNumber = line.Number,
                Figure = sentence.Substring(match.Index, match.Length),
                Value = value,
                Sentence = sentence,
                Year = year,
                Became = issue is null ? $"chiffre clé « {label} »" : null,
                Issue = issue,
            });

            if (issue is null && year is { } y)
            {
                figures.Add(new KeyFigure { IndicatorCode = code, Label = label, Value = value, Unit = unit, Year = y });
            }
        }
    }

    /// <summary>"associations employeurs" and "associations" are one unit: the first word, singular.</summary>
    private static string Family(Match match) => match.Groups["pct"].Success
        ? "%"
        : LegacyText.Key(match.Groups["unit"].Value).Split(' ')[0].TrimEnd('s');

    private static (string Label, FigureUnit Unit, string? Code) Describe(string sentence, Match match)
    {
        if (match.Groups["pct"].Success)
        {
            return match.Groups["share"].Value.Contains("privé", StringComparison.OrdinalIgnoreCase)
                ? ("Part de l'ESS dans l'emploi privé", FigureUnit.Percent, "ess_share_private_jobs")
                : ("Part de l'ESS dans l'emploi", FigureUnit.Percent, null);
        }

        var group = match.Groups["unit"];
        var written = sentence.Substring(group.Index, group.Length);
        var label = char.ToUpperInvariant(written[0]) + written[1..];
        var key = LegacyText.Key(written);
        return key switch
        {
            _ when key.StartsWith("établissement", StringComparison.Ordinal) => (label, FigureUnit.Count, "ess_establishments"),
            _ when key.StartsWith("salarié", StringComparison.Ordinal) => (label, FigureUnit.Persons, "ess_employees"),
            "emplois" or "bénévoles" => (label, FigureUnit.Persons, null),
            "etp" => (label, FigureUnit.Fte, null),
            "scop" => (label, FigureUnit.Count, "scop_count"),
            "scic" => (label, FigureUnit.Count, "scic_count"),
            _ when key.Contains("esus", StringComparison.Ordinal) => (label, FigureUnit.Count, "esus_count"),
            _ => (label, FigureUnit.Count, null),
        };
    }
}
