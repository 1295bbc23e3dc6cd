using System.Globalization;
using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// The words around a number that make it something other than a plain figure: a ceiling, a
/// range, a part of a previous figure, a threshold or a rate. All checks run on the matching copy
/// of one sentence (<see cref="LegacyText.ForMatching"/>).
/// </summary>
internal static partial class LegacyFigureRules
{
    public static LegacyFigureIssue? Qualify(ReadOnlySpan<char> sentence, int index, int length, int previousEnd)
    {
        var before = sentence[..index];
        var after = sentence[(index + length)..];
        if (CapBefore().IsMatch(before) || CapAfter().IsMatch(after))
        {
            return LegacyFigureIssue.Cap;
        }

        if (ThresholdBefore().IsMatch(before) && !HeadOfSentence().IsMatch(before))
        {
            return LegacyFigureIssue.Threshold;
        }

        if (RangeBefore().IsMatch(before) || (RangeOpen().IsMatch(before)
            && (before.TrimEnd().EndsWith("entre", StringComparison.OrdinalIgnoreCase) ? RangeAfterEntre() : RangeAfterDe()).IsMatch(after)))
        {
            return LegacyFigureIssue.Range;
        }

        if (Dont().IsMatch(sentence[previousEnd..index]) || OpenDont().IsMatch(before))
        {
            return LegacyFigureIssue.Breakdown;
        }

        return RatioAfter().IsMatch(after) ? LegacyFigureIssue.Ratio : null;
    }

    /// <summary>Years stated in a sentence, leaving out numbers that are part of a figure or amount.</summary>
    public static List<int> Years(string sentence, IReadOnlyList<(int Index, int Length)> figures)
    {
        var years = new List<int>(1);
        foreach (var match in FrenchNumbers.YearMatches(sentence))
        {
            var inFigure = figures.Any(f => match.Index < f.Index + f.Length && f.Index < match.Index + match.Length);
            var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            if (!inFigure && !years.Contains(year))
            {
                years.Add(year);
            }
        }

        return years;
    }

    /// <summary>Whether a sentence is about the ESS (for shares of employment).</summary>
    public static bool IsAboutEss(string sentence) => AboutEss().IsMatch(sentence);

    [GeneratedRegex(@"(?:maximum|maxi|plafond|plafonnée?s?|jusqu'à|dans la limite d[e']|au plus)(?:\s+(?:de|d'|à))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapBefore();

    [GeneratedRegex(@"^\s*(?:maximum|max\b|par (?:structure|projet|porteur|bénéficiaire|dossier|entreprise|association|action|lauréat))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CapAfter();

    [GeneratedRegex(@"(?:\bentre\s+[\d ,.]+\s*(?:€|euros?)?\s*et|\d\s*(?:%|€|euros?)?\s*(?:à|-|–))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeBefore();

    [GeneratedRegex(@"\b(?<word>entre|de)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeOpen();

    [GeneratedRegex(@"^\s*(?:€|euros?)?\s*et\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeAfterEntre();

    [GeneratedRegex(@"^\s*(?:€|euros?)?\s*(?:à|-|–)\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeAfterDe();

    [GeneratedRegex(@"\bdont\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dont();

    [GeneratedRegex(@"\(dont\b[^)]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenDont();

    [GeneratedRegex(@"^\s*(?:pour|par|/)\s*(?:\d|mille|cent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RatioAfter();

    [GeneratedRegex(@"(?:\b(?:moins|plus) d[e']|\bau moins|\bau-delà d[e']|\b(?:supérieure?s?|inférieure?s?) à)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThresholdBefore();

    [GeneratedRegex(@"^[\s•*·▪◦–-]*(?:plus d[e']|moins d[e']|près d[e']|environ|au moins)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadOfSentence();

    [GeneratedRegex(@"\bESS\b|économie sociale", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutEss();
}
