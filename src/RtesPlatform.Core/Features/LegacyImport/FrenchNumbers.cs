using System.Globalization;
using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Numbers as French texts write them: spaces (also no-break and narrow no-break, turned into
/// plain spaces by <see cref="LegacyText.ForMatching"/>) or dots between groups of three digits,
/// a comma before decimals ("1,5"); a dot followed by one or two digits is read as a decimal
/// point too ("11.9%"), as some fiches write it. Regexes run on the matching copy of the text.
/// </summary>
internal static partial class FrenchNumbers
{
    private const string Number =
        @"(?<![\d,.])(?<int>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?<dec>\d+)|\.(?<dec>\d{1,2})(?!\d))?(?![\d])";

    /// <summary>Years that a fiche can be about; a number outside this range is never read as a year.</summary>
    public static decimal Value(Match match)
    {
        var digits = match.Groups["int"].Value.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        var dec = match.Groups["dec"];
        var text = dec.Success ? digits + "." + dec.Value : digits;
        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value * Multiplier(match.Groups["mult"].Value);
    }

    /// <summary>"5 559 051", "275 000", "8459", "279 715 hab", "474 524 habitants (2020)" → the integer; otherwise null.</summary>
    public static int? Population(string text)
    {
        var match = PopulationValue().Match(LegacyText.ForMatching(text).Trim());
        return match.Success && int.TryParse(
            match.Groups["int"].Value.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out var population)
            ? population
            : null;
    }

    /// <summary>"2016", "depuis 2016", "2016 (réadhésion en 2021)" → the first year written, if any.</summary>
    public static int? FirstYear(string text)
    {
        var years = YearMatches(LegacyText.ForMatching(text));
        return years.Count > 0 ? int.Parse(years[0].Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Amounts in euros in <paramref name="matching"/>; a cheap check skips text without "€" nor "euro".</summary>
    public static IReadOnlyList<Match> Amounts(string matching) => MayHoldAmount(matching) ? AmountPattern().Matches(matching) : [];

    /// <summary>Cheap checks, true on any text that may hold an amount, a number or a year (original or matching copy).</summary>
    public static bool MayHoldAmount(string text) =>
        text.Contains('€', StringComparison.Ordinal) || text.Contains("euro", StringComparison.OrdinalIgnoreCase)
            || text.Contains("EUR", StringComparison.Ordinal);

    public static bool MayHoldNumber(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    public static bool MayHoldYear(string text) =>
        text.Contains("19", StringComparison.Ordinal) || text.Contains("20", StringComparison.Ordinal);

    /// <summary>Figures with a unit (see <see cref="FigurePattern"/>) in <paramref name="matching"/>.</summary>
    public static IReadOnlyList<Match> Figures(string matching) => MayHoldNumber(matching) ? FigurePattern().Matches(matching) : [];

    /// <summary>Years in <paramref name="matching"/>; text without "19" nor "20" has none.</summary>
    public static IReadOnlyList<Match> YearMatches(string matching) => MayHoldYear(matching) ? Years().Matches(matching) : [];

    private static decimal Multiplier(string multiplier) => multiplier.ToLowerInvariant() switch
    {
        "k" => 1_000m,
        "m" or "million" or "millions" => 1_000_000m,
        "md" or "mds" or "milliard" or "milliards" => 1_000_000_000m,
        _ => 1m,
    };

    /// <summary>An amount in euros: "5 800 000 €", "1 million d'€", "1,5 million d'euros", "150 k€", "2 M€".</summary>
    [GeneratedRegex(Number + @"\s*(?:(?<mult>milliards?|millions?|mds?|m|k)\b\.?\s*(?:d'|de\s+)?)?(?:€|euros?\b|(?-i:EUR)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AmountPattern();

    /// <summary>A figure with a unit the panorama uses; see <see cref="LegacyPanoramaExtractor"/> for their meaning.</summary>
    [GeneratedRegex(Number + @"\s*(?:(?<pct>%)\s*(?<share>de l'emploi(?: salarié)?(?: privé)?|des emplois(?: privés)?|des salariés(?: du privé)?)|(?:de |d')?(?<unit>établissements?(?: employeurs)?|salarié(?:e)?s|emplois|ETP|bénévoles|associations?(?: employeu(?:r|se)s)?|structures? agréée?s?(?: ESUS)?|structures? agrée?s?|entreprises? ESUS|SCOP|SCIC|coopératives))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();

    /// <summary>A year from 1980 to 2049, alone or inside a date ("01/07/2017") or a range ("2018-2019-2020").</summary>
    [GeneratedRegex(@"(?<!\d|\d,)(?<year>19[89]\d|20[0-4]\d)(?!\d|,\d)")]
    private static partial Regex Years();

    [GeneratedRegex(@"^(?<int>\d{1,3}(?:[ .]\d{3})+|\d+)\s*(?:hab(?:itants?)?\.?)?\s*(?:\([^)]*\))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PopulationValue();
}
