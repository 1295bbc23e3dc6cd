using System.Globalization;
using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// What is read outside the budget and panorama: the amounts of other sections, reported but not
/// turned into budget lines (they are an action's or a partner's money, and counting them would
/// double the budget), and the period of a strategy in the programme ("feuille de route
/// stratégique 2017-2021"), taken only when the section names exactly one such period.
/// </summary>
internal static partial class LegacyOtherSections
{
    public static void ReportAmounts(LegacySection section, IReadOnlyList<LegacySourceLine> lines, LegacyFigureNotes notes)
    {
        foreach (var line in lines)
        {
            if (!FrenchNumbers.MayHoldAmount(line.Text) || FrenchNumbers.Amounts(line.Matching).Count == 0)
            {
                continue;
            }

            foreach (var range in LegacySentences.Ranges(line.Matching))
            {
                var matching = line.Matching[range];
                var sentence = line.Text[range];
                var amounts = FrenchNumbers.Amounts(matching);
                var years = amounts.Count == 0 ? [] : LegacyFigureRules.Years(matching, LegacyYearScope.NumberSpans(matching));
                var previousEnd = 0;
                foreach (var amount in amounts)
                {
                    notes.Add(new LegacyFigureNote
                    {
                        Section = section,
                        LineNumber = line.Number,
                        Figure = sentence.Substring(amount.Index, amount.Length),
                        Value = FrenchNumbers.Value(amount),
                        Sentence = sentence,
                        Year = years.Count == 1 ? years[0] : null,
                        Issue = LegacyFigureRules.Qualify(matching, amount.Index, amount.Length, previousEnd)
                            ?? LegacyFigureIssue.OutsideBudgetSection,
                    });
                    previousEnd = amount.Index + amount.Length;
                }
            }
        }
    }

    public static (int Start, int End)? StrategyPeriod(IReadOnlyList<LegacySourceLine> lines)
    {
        var periods = new HashSet<(int, int)>();
        foreach (var line in lines)
        {
            if (!FrenchNumbers.MayHoldYear(line.Text))
            {
                continue;
            }

            foreach (Match match in Period().Matches(line.Matching))
            {
                var start = int.Parse(match.Groups["start"].ValueSpan, CultureInfo.InvariantCulture);
                var end = int.Parse(match.Groups["end"].ValueSpan, CultureInfo.InvariantCulture);
                if (end > start && end - start <= 10)
                {
                    periods.Add((start, end));
                }
            }
        }

        return periods.Count == 1 ? periods.Single() : null;
    }

    [GeneratedRegex(@"\b(?:stratégi\w*|feuille de route|schéma|plan|programme|mandat|mandature)\b[^.;:]{0,40}?\b(?<start>(?:19|20)\d{2})\s*(?:-|–|/|à)\s*(?<end>(?:19|20)\d{2})\b(?!\s*(?:-|–)\s*\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
