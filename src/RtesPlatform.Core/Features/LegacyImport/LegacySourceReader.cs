using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// "Source : …" / "Sources : INSEE - Flores 2019 - Diagnostic CRESS" lines of a section become
/// sources of the fiche (the line also stays in the narrative). When a section cites exactly one
/// source, its key figures point to it.
/// </summary>
internal static partial class LegacySourceReader
{
    public static List<Source> Read(IReadOnlyList<LegacySourceLine> lines, string keyPrefix)
    {
        var sources = new List<Source>();
        foreach (var line in lines)
        {
            if (!line.Text.Contains("ource", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var match = SourceLine().Match(line.Matching);
            if (!match.Success)
            {
                continue;
            }

            var title = line.Text[match.Groups["title"].Index..].Trim();
            sources.Add(new Source
            {
                Key = $"{keyPrefix}-{sources.Count + 1}",
                Title = title,
                Year = FrenchNumbers.FirstYear(title),
            });
        }

        return sources;
    }

    [GeneratedRegex(@"^[\s•*·-]*\(?sources?\s*:\s*(?<title>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();
}
