using System.Globalization;
using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Which year a figure is for, read without guessing, in this order:
/// <list type="number">
/// <item>the one year its sentence states ("Le budget ESS 2018 s'élève à …", "donnée août 2017",
/// "depuis le 01/07/2017"); several years in the sentence → not extracted;</item>
/// <item>else the year of the sub-heading it sits under ("En 2023 :", "Association (donnée 2016) :",
/// "Entreprises ESUS (donnée au 19/07/2017)"); a sub-heading without a year ends the previous one;</item>
/// <item>else the one year its section states anywhere (a section naming no or several years → not extracted).</item>
/// </list>
/// A sub-heading is a line that is not a list item, holds no figure, and ends with ":" or is short,
/// stands alone between blank lines and is not a sentence (no final period).
/// </summary>
internal sealed partial class LegacyYearScope
{
    private const int MaxSubheadingLength = 100;

    private readonly int? _sectionYear;
    private int? _context;

    public LegacyYearScope(IReadOnlyList<LegacySourceLine> lines)
    {
        var years = new HashSet<int>();
        foreach (var line in lines)
        {
            if (FrenchNumbers.MayHoldYear(line.Text))
            {
                years.UnionWith(LegacyFigureRules.Years(line.Matching, NumberSpans(line.Matching)));
            }
        }

        _sectionYear = years.Count == 1 ? years.Single() : null;
    }

    /// <summary>"En 2023 :", "2023 :", "Budget 2023 :" alone on a line: the year of the lines that follow.</summary>
    public static int? Marker(string line)
    {
        var match = YearMarker().Match(LegacyText.Key(line));
        return match.Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>What may follow the amount of a "Label : amount" line: nothing, "(2023)", "en 2023", a final period.</summary>
    public static bool IsYearTail(string tail) => YearTail().IsMatch(tail);

    /// <summary>Updates the sub-heading year when <paramref name="line"/> is a sub-heading; true if it was one.</summary>
    public bool Observe(LegacySourceLine line, bool standsAlone)
    {
        var text = line.Text;
        var subheading = !LegacyText.IsBullet(text)
            && (text.EndsWith(':') || (standsAlone && text.Length <= MaxSubheadingLength && !text.EndsWith('.')))
            && NumberSpans(line.Matching).Count == 0;
        if (subheading)
        {
            var years = LegacyFigureRules.Years(line.Matching, []);
            _context = years.Count == 1 ? years[0] : null;
        }

        return subheading;
    }

    public void SetContext(int year) => _context = year;

    public (int? Year, LegacyFigureIssue? Issue) Resolve(IReadOnlyList<int> sentenceYears) => sentenceYears.Count switch
    {
        1 => (sentenceYears[0], null),
        > 1 => (null, LegacyFigureIssue.SeveralYears),
        _ when (_context ?? _sectionYear) is { } year => (year, null),
        _ => (null, LegacyFigureIssue.NoYear),
    };

    /// <summary>Spans of amounts and figures with a unit, whose digits are not years.</summary>
    public static List<(int Index, int Length)> NumberSpans(string matchingText)
    {
        var spans = new List<(int Index, int Length)>();
        foreach (var match in FrenchNumbers.Amounts(matchingText).Concat(FrenchNumbers.Figures(matchingText)))
        {
            spans.Add((match.Index, match.Length));
        }

        return spans;
    }

    [GeneratedRegex(@"^\s*(?:\(\s*(?:en\s+)?(?:19|20)\d{2}\s*\)|en\s+(?:19|20)\d{2})?\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearTail();

    [GeneratedRegex(@"^(?:en |année |budget |exercice |au titre de )?(?<year>19[89]\d|20[0-4]\d)$")]
    private static partial Regex YearMarker();
}
