using System.Globalization;
using System.Text;

namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>
/// The stable key figures use to cite a source, generated from its title and year
/// ("INSEE Flores", 2021 → <c>insee-flores-2021</c>), unique within the fiche: officers never type it.
/// </summary>
public static class SourceKeys
{
    private const int MaxStem = 40;

    public static string Generate(string? title, int? year, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var stem = new StringBuilder();
        foreach (var c in (title ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                stem.Append(char.ToLowerInvariant(c));
            }
            else if (stem.Length > 0 && stem[^1] != '-')
            {
                stem.Append('-');
            }

            if (stem.Length >= MaxStem)
            {
                break;
            }
        }

        var key = stem.ToString().Trim('-');
        if (key.Length == 0)
        {
            key = "source";
        }

        if (year is { } y && !key.EndsWith(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            key = string.Create(CultureInfo.InvariantCulture, $"{key}-{y}");
        }

        var used = taken.ToHashSet(StringComparer.Ordinal);
        var candidate = key;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{key}-{n}");
        }

        return candidate;
    }
}
