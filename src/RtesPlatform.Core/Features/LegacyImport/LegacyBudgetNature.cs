using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// The nature of a budget amount, from the first telling word of its label or of its clause:
/// "fonctionnement", "investissement", "fonds"/"subvention(s)", "convention(s)"/"partenariat(s)";
/// otherwise <see cref="BudgetNature.Autre"/>.
/// </summary>
internal static partial class LegacyBudgetNature
{
    public static BudgetNature? Find(ReadOnlySpan<char> text)
    {
        foreach (var match in Keyword().EnumerateMatches(text))
        {
            var word = text.Slice(match.Index, match.Length);
            if (word.StartsWith("fonc", StringComparison.OrdinalIgnoreCase))
            {
                return BudgetNature.Fonctionnement;
            }

            return char.ToLowerInvariant(word[0]) switch
            {
                'i' => BudgetNature.Investissement,
                'c' or 'p' => BudgetNature.ConventionsPartenariat,
                _ => BudgetNature.FondsSubventions,
            };
        }

        return null;
    }

    public static string Label(BudgetNature nature) => nature switch
    {
        BudgetNature.Fonctionnement => "Fonctionnement",
        BudgetNature.Investissement => "Investissement",
        BudgetNature.FondsSubventions => "Fonds et subventions",
        BudgetNature.ConventionsPartenariat => "Conventions de partenariat",
        _ => "Budget ESS",
    };

    [GeneratedRegex(@"\b(?:fonctionnement|investissements?|fonds|subventions?|conventions?|partenariats?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();
}
