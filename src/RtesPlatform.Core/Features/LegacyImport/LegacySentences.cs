using System.Text.RegularExpressions;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Splits a paragraph into sentences: after ".", "!", "?" or "…" followed by a space and a capital or a digit.</summary>
internal static partial class LegacySentences
{
    public static List<Range> Ranges(string text)
    {
        var sentences = new List<Range>(2);
        var start = 0;
        foreach (var boundary in Boundary().EnumerateMatches(text))
        {
            sentences.Add(start..boundary.Index);
            start = boundary.Index + boundary.Length;
        }

        sentences.Add(start..text.Length);
        return sentences;
    }

    public static string First(string text) => text[Ranges(text)[0]];

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[«""(]?\s*[\p{Lu}\d])")]
    private static partial Regex Boundary();
}
