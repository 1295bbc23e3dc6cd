using System.Globalization;
using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Staff dedicated to the ESS, in the budget section: "18 personnes dont 10 dédiées à l'ESS"
/// (→ 10, note "10 personnes dédiées (sur 18)"), "3 personnes dédiées à l'ESS", "2,5 ETP",
/// "1 chargé de mission ESS". A person dedicated to the ESS counts as one FTE, as the fiches
/// count them; the note keeps the wording. The first staff figure of a fiche is kept.
/// </summary>
internal static partial class LegacyStaffExtractor
{
    public static StaffFigure? Read(
        LegacySourceLine line, Range range, LegacyYearScope scope, LegacyFigureNotes notes, StaffFigure? current)
    {
        var matching = line.Matching[range];
        if (matching.AsSpan().IndexOfAnyInRange('0', '9') < 0 && !matching.Contains("mission", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        var match = TotalAndDedicated().Match(matching);
        string? note = null;
        if (match.Success)
        {
            note = $"{match.Groups["fte"].Value} personnes dédiées (sur {match.Groups["total"].Value})";
        }
        else
        {
            match = Dedicated().Match(matching);
            if (!match.Success)
            {
                return current;
            }
        }

        var fte = Count(match.Groups["fte"].Value);
        var sentence = line.Text[range];
        var written = sentence.Substring(match.Index, match.Length);
        var (year, issue) = scope.Resolve(LegacyFigureRules.Years(matching, [(match.Index, match.Length)]));
        issue ??= LegacyFigureRules.Qualify(matching, match.Groups["fte"].Index, match.Groups["fte"].Length, 0) is LegacyFigureIssue.Range
            ? LegacyFigureIssue.Range
            : null;
        issue ??= current is null ? null : LegacyFigureIssue.SecondStaffFigure;
        notes.Add(new LegacyFigureNote
        {
            Section = LegacySection.Budget,
            LineNumber = line.Number,
            Figure = written,
            Value = fte,
            Sentence = sentence,
            Year = year,
            Became = issue is null ? "effectif ESS (ETP)" : null,
            Issue = issue,
        });

        return issue is null && year is { } y ? new StaffFigure { Fte = fte, Year = y, Note = note ?? written } : current;
    }

    private static decimal Count(string text) => LegacyText.Key(text) switch
    {
        "un" or "une" => 1m,
        "deux" => 2m,
        "trois" => 3m,
        var digits => decimal.Parse(digits.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"(?<total>\d+)\s+(?:personnes|agents|salariés|collaborateurs|collaboratrices)\s+dont\s+(?<fte>\d+(?:,\d+)?)\s+(?:personnes\s+|agents\s+|ETP\s+)?(?:sont\s+)?(?:dédié|consacré|affecté)e?s?\s+(?:à|a)\s+l'(?:ESS|économie sociale)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalAndDedicated();

    [GeneratedRegex(@"(?<![\d,])(?:(?<fte>\d+(?:,\d+)?)\s*(?:ETP|équivalents?\s+temps\s+plein)\b|(?<fte>\d+|une?|deux|trois)\s+(?:personnes?|agents?)\s+(?:dédiée?s?|consacrée?s?|affectée?s?)\s+(?:à|a)\s+l'(?:ESS|économie sociale)|(?<fte>\d+|une?|deux|trois)\s+(?:chargée?s?|chargé\(e\)s?|chargé·e·?s?)\s+de\s+mission(?:\s+(?:ESS|économie sociale et solidaire))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dedicated();
}
