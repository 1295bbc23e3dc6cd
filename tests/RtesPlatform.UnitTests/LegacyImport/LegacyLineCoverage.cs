using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>The no-line-lost property: every non-empty input line ends up somewhere in the result.</summary>
internal static class LegacyLineCoverage
{
    public static void ShouldKeepEveryLine(string input, LegacyParseResult result)
    {
        var expected = input.Split('\n')
            .Select((line, index) => (Number: index + 1, Text: line.Trim()))
            .Where(l => l.Text.Length > 0)
            .ToList();
        var uses = result.FileLines
            .Concat(result.Fiches.Concat(result.Duplicates).SelectMany(f => f.Report.Lines))
            .ToList();

        // Each line has a place, verbatim (a heading that carries a value may also place that value).
        uses.Select(u => u.LineNumber).Distinct().Order().ShouldBe(expected.Select(e => e.Number));
        var misplaced = expected.Where(e => !uses.Any(u => u.LineNumber == e.Number && u.Text == e.Text)).ToList();
        misplaced.ShouldBeEmpty();

        // And its text is in the fiche: narrative and action lines are checked against the content only.
        var all = Normalise(result.AllText());
        var lost = expected.Where(e => !all.Contains(Normalise(WithoutListMarker(e.Text)), StringComparison.Ordinal)).ToList();
        lost.ShouldBeEmpty();
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string WithoutListMarker(string line) =>
        line.Length > 2 && line[0] is '•' or '-' && line[1] == ' ' ? line[2..] : line;
}
