namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Narrative text as Markdown: each input line is one paragraph of the website, kept verbatim
/// (trimmed) and separated by a blank line, so that list items ("• …", "1. …") stay on their own
/// lines. Nothing is escaped: the renderer disables raw HTML.
/// </summary>
internal static class LegacyNarrative
{
    public static string? Join(IEnumerable<LegacySourceLine> lines)
    {
        var text = string.Join("\n\n", lines.Select(l => l.Text));
        return text.Length == 0 ? null : text;
    }

    /// <summary>The line without its list marker ("• ", "- ", "1. ").</summary>
    public static string WithoutMarker(string line)
    {
        if (!LegacyText.IsBullet(line))
        {
            return line;
        }

        var start = 0;
        while (start < line.Length && (char.IsAsciiDigit(line[start]) || line[start] is '•' or '-' or '*' or '–' or '—' or '·' or '▪' or '◦' or '>' or '.' or ')'))
        {
            start++;
        }

        return line[start..].TrimStart();
    }
}
