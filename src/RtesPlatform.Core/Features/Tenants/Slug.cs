using System.Globalization;
using System.Text;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>URL slugs made from French names: "Communauté d'agglomération de La Rochelle" → "communaute-d-agglomeration-de-la-rochelle".</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                _ => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c).ToString() : null,
            };
            if (lower is null)
            {
                pendingHyphen = builder.Length > 0;
                continue;
            }

            if (pendingHyphen)
            {
                builder.Append('-');
                pendingHyphen = false;
            }

            builder.Append(lower);
        }

        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug == From(slug);
}
