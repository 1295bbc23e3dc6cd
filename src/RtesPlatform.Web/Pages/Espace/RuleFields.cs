using System.Text;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Where a fiche rule's message goes: its JSON path in the fiche content
/// (<c>panorama.figures[0].label</c>) as the form field a page binds (<c>Form.Figures[0].Label</c>).
/// </summary>
public static class RuleFields
{
    private static readonly HashSet<string> _lists = new(StringComparer.Ordinal)
    {
        "figures", "lines", "axes", "results", "actions", "contacts", "sources",
    };

    /// <summary>
    /// The form key of <paramref name="path"/> when it lies under <paramref name="jsonPrefix"/>
    /// (<c>panorama</c>, <c>contacts</c>, <c>actions[2]</c>), with that prefix replaced by
    /// <paramref name="formPrefix"/>; null when the path is elsewhere or names a whole list or entry
    /// (such messages are shown above the form).
    /// </summary>
    public static string? ToFormKey(string path, string jsonPrefix, string formPrefix)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(jsonPrefix);
        if (!path.StartsWith(jsonPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[jsonPrefix.Length..];
        if (rest.Length > 0 && rest[0] != '.' && rest[0] != '[')
        {
            return null;
        }

        var last = rest[(rest.LastIndexOf('.') + 1)..];
        if (rest.Length == 0 || rest.EndsWith(']') || _lists.Contains(last))
        {
            return null;
        }

        return formPrefix + Pascal(rest);
    }

    /// <summary><c>.figures[0].label</c> → <c>.Figures[0].Label</c>.</summary>
    public static string Pascal(string rest)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var result = new StringBuilder(rest.Length);
        var startOfName = true;
        foreach (var c in rest)
        {
            result.Append(startOfName ? char.ToUpperInvariant(c) : c);
            startOfName = c == '.';
        }

        return result.ToString();
    }
}
