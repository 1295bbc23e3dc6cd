namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Parses the text export of the RTES website's fiches: fiches one after the other, each opened by
/// its collectivity's name (see <see cref="LegacyFicheBoundary"/> for the rule), then headings and
/// an identity block in any order. Pure: no database, no reference data. Lines are read one at a
/// time, so a large file costs the size of its fiches, not more.
/// </summary>
public static class LegacyFicheParser
{
    public static LegacyParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader);
    }

    public static LegacyParseResult Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new LegacyLineReader(reader);
        var file = new LegacyParseSession();
        var before = new List<LegacySourceLine>();
        LegacyFicheBuilder? current = null;
        var currentFirstLine = 0;
        while (lines.Next() is { } line)
        {
            if (line.Kind == LegacyLineKind.SiteHeader)
            {
                file.FileLines.Add(new LegacyLineUse(line.Number, line.Text, LegacyLineRole.SiteHeader));
                continue;
            }

            if (LegacyFicheBoundary.StartsFiche(line, lines.Peek(), current))
            {
                file.Finish(current, currentFirstLine);
                file.SetAside(before);
                (current, currentFirstLine) = (new LegacyFicheBuilder(line), line.Number);
                continue;
            }

            if (current is not null)
            {
                current.Add(line);
            }
            else if (line.IsHeadingOrLabel)
            {
                // A fiche body without its name (like the Est Ensemble export): text before its first
                // heading is its own, as text before a heading is in any fiche.
                (current, currentFirstLine) = (new LegacyFicheBuilder(null), before.Count > 0 ? before[0].Number : line.Number);
                before.ForEach(current.Add);
                before.Clear();
                current.Add(line);
            }
            else
            {
                before.Add(line);
            }
        }

        file.Finish(current, currentFirstLine);
        file.SetAside(before);
        return file.Result(lines.LineCount);
    }
}
