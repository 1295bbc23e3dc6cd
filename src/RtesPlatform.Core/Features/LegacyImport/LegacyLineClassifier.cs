using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Recognises the fixed headings and identity labels of the RTES website, whatever the apostrophe,
/// spacing, case or trailing ":". A label may carry its value after a ":" on the same line
/// ("Année d'adhésion au RTES: 2016"); so may a heading ("Budget consacré à l'ESS : 1 million d'€").
/// </summary>
internal static partial class LegacyLineClassifier
{
    /// <summary>Headings and labels are short; longer lines are text without looking further.</summary>
    private const int MaxHeadingLength = 160;

    public static LegacySourceLine Classify(int number, string text, bool blankBefore)
    {
        if (text.Length > MaxHeadingLength || !MayStartHeading(text[0]))
        {
            return new LegacySourceLine(number, text, blankBefore, LegacyLineKind.Text, null);
        }

        var key = LegacyText.Key(text);
        var kind = KindOf(key);
        if (kind != LegacyLineKind.Text)
        {
            return new LegacySourceLine(number, text, blankBefore, kind, null);
        }

        // "Label : value" on one line: classify the part before the first ":".
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < text.Length - 1)
        {
            var head = LegacyText.Key(text[..colon]);
            var headKind = KindOf(head);

            // "Budget : 50 000 €" is a budget line, not the heading: only the full heading takes a value.
            var bareBudget = headKind == LegacyLineKind.Budget && !head.Contains("ess", StringComparison.Ordinal);
            if (!bareBudget && headKind is not (LegacyLineKind.Text or LegacyLineKind.SiteHeader or LegacyLineKind.InProgress))
            {
                var value = text[(colon + 1)..].Trim();
                return new LegacySourceLine(number, text, blankBefore, headKind, value.Length == 0 ? null : value);
            }
        }

        return new LegacySourceLine(number, text, blankBefore, LegacyLineKind.Text, null);
    }

    /// <summary>Every heading and label starts with one of these letters (see <see cref="KindOf"/>).</summary>
    private static bool MayStartHeading(char first) => char.ToLowerInvariant(first) is 'p' or 'b' or 'm' or 'e' or 'a' or 'c'
        or 'f' or 't' or 'n' or 'r';

    private static LegacyLineKind KindOf(string key)
    {
        if (key.Length == 0)
        {
            return LegacyLineKind.Text;
        }

        return key[0] switch
        {
            'p' when PanoramaHeading().IsMatch(key) => LegacyLineKind.Panorama,
            'p' when ProgrammeHeading().IsMatch(key) => LegacyLineKind.Programme,
            'b' or 'm' when BudgetHeading().IsMatch(key) => LegacyLineKind.Budget,
            'e' or 'a' when ActionsHeading().IsMatch(key) => LegacyLineKind.Actions,
            'a' when MembershipLabel().IsMatch(key) => LegacyLineKind.MembershipYear,
            'a' or 'c' when AddressLabel().IsMatch(key) => LegacyLineKind.AddressLabel,
            'c' when ContactHeading().IsMatch(key) => LegacyLineKind.ContactHeading,
            'f' when InProgressFlag().IsMatch(key) => LegacyLineKind.InProgress,
            't' when TypeLabel().IsMatch(key) => LegacyLineKind.TypeLabel,
            'n' or 'p' when PopulationLabel().IsMatch(key) => LegacyLineKind.PopulationLabel,
            'r' when key == "région" => LegacyLineKind.RegionLabel,
            'r' when SiteHeader().IsMatch(key) => LegacyLineKind.SiteHeader,
            _ => LegacyLineKind.Text,
        };
    }

    [GeneratedRegex(@"^panorama de l'(?:ess|économie sociale et solidaire)(?: (?:sur|dans|de) (?:le|son|votre|notre|ce) territoire)?$")]
    private static partial Regex PanoramaHeading();

    // "Budget / Moyens affectés à l'ESS", "Budget annuel / Moyens consacrés à l'ESS", "Budget consacré à l'ESS", "Moyens …".
    [GeneratedRegex(@"^(?:budget(?: annuel)?|moyens)(?: (?:affecté|consacré|alloué|dédié)e?s?)?(?: (?:à|a) l'(?:ess|économie sociale et solidaire))?(?: ?/ ?(?:budget(?: annuel)?|moyens)(?: (?:affecté|consacré|alloué|dédié)e?s?)?(?: (?:à|a) l'(?:ess|économie sociale et solidaire))?)?$")]
    private static partial Regex BudgetHeading();

    [GeneratedRegex(@"^programmes? d'(?:intervention|actions?)(?: (?:dans le champ de|en faveur de|pour|sur) l'(?:ess|économie sociale et solidaire))?$")]
    private static partial Regex ProgrammeHeading();

    [GeneratedRegex(@"^(?:exemples? d'actions?(?: (?:soutenues?|menées?|portées?|accompagnées?) par la collectivité)?|actions? (?:soutenues?|menées?|portées?) par la collectivité)$")]
    private static partial Regex ActionsHeading();

    [GeneratedRegex(@"^contacts?(?: publics?)?$")]
    private static partial Regex ContactHeading();

    [GeneratedRegex(@"^fiche en cours (?:de |d')?(?:rédaction|réalisation|mise à jour|écriture|création|construction)$")]
    private static partial Regex InProgressFlag();

    [GeneratedRegex(@"^année d'adhésion (?:au|à) (?:rtes|réseau(?: rtes)?)$")]
    private static partial Regex MembershipLabel();

    [GeneratedRegex(@"^types? de (?:la )?collectivité$")]
    private static partial Regex TypeLabel();

    [GeneratedRegex(@"^(?:nombre d'habitants|population)(?: (?:sur|de) (?:le|son) territoire)?$")]
    private static partial Regex PopulationLabel();

    [GeneratedRegex(@"^(?:adresse(?: postale)?|coordonnées)$")]
    private static partial Regex AddressLabel();

    [GeneratedRegex(@"^réseau des collectivités territoriales pour une économie (?:sociale et )?solidaire(?: \(?rtes\)?)?$")]
    private static partial Regex SiteHeader();
}
