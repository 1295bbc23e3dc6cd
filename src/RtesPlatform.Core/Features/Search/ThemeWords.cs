using System.Globalization;
using System.Text;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Search;

/// <summary>
/// Whether a search names a theme ("commande publique", "Commande Publique", "commande-publique"):
/// the theme filter (a label each collectivity puts on its actions) and the text search (the words
/// of the fiches) then answer differently, and the pages say so rather than leave two lists that
/// seem to disagree.
/// </summary>
public static class ThemeWords
{
    public static Theme? Named(IEnumerable<Theme> themes, string? query)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var words = Fold(query);
        if (words.Length < 3)
        {
            return null;
        }

        return themes.FirstOrDefault(t => Fold(t.LabelFr) == words || Fold(t.Code) == words)
            ?? themes.FirstOrDefault(t => words.Length >= 5 && Fold(t.LabelFr).Contains(words, StringComparison.Ordinal));
    }

    /// <summary>Lower case, no accents, words separated by one space (hyphens and apostrophes too).</summary>
    private static string Fold(string? text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
