using System.Text;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>
/// The strict form of "nothing lost": the multiset of non-empty input lines equals the lines
/// accounted for, and each line is found in the one place its role names — the section's
/// narrative (paragraph for paragraph), the "texte non classé" of the draft (line for line), an
/// action, a contact, a budget line, an identity field — and in no second place.
/// </summary>
internal static class LegacyLineAccounting
{
    public static void ShouldAccountForEveryLine(string input, LegacyParseResult result)
    {
        var expected = input.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((line, index) => (Number: index + 1, Text: Normalise(line)))
            .Where(l => l.Text.Length > 0)
            .ToList();
        var fiches = result.Fiches.Concat(result.Duplicates).ToList();
        var uses = result.FileLines.Concat(fiches.SelectMany(f => f.Report.Lines)).ToList();

        // In = out, as multisets of (line, text): every line once, with its own text.
        var byNumber = uses.ToLookup(u => u.LineNumber);
        byNumber.Select(g => g.Key).Order().ShouldBe(expected.Select(e => e.Number));
        expected.Where(e => !byNumber[e.Number].Any(u => Normalise(u.Text) == e.Text)).ShouldBeEmpty();

        // One place per line: a heading or label may give its inline value a second use, nothing else.
        var doubled = byNumber.Where(g => g.Count(u => !IsMarker(u.Role)) > 1 || g.Count() > 2).Select(g => g.Key).ToList();
        doubled.ShouldBeEmpty();

        foreach (var fiche in fiches)
        {
            ShouldPlace(fiche);
        }
    }

    private static void ShouldPlace(LegacyFiche fiche)
    {
        var lines = fiche.Report.Lines;
        var content = fiche.Content;
        Paragraphs(content.Panorama.Narrative).ShouldBe(Texts(lines, LegacyLineRole.PanoramaNarrative), $"panorama of {fiche.SourceName}");
        Paragraphs(content.Budget.Narrative).ShouldBe(Texts(lines, LegacyLineRole.BudgetNarrative), $"budget of {fiche.SourceName}");
        Paragraphs(content.Programme.Narrative).ShouldBe(Texts(lines, LegacyLineRole.ProgrammeNarrative), $"programme of {fiche.SourceName}");
        (content.Unclassified?.Split('\n').Select(Normalise).ToList() ?? []).ShouldBe(Texts(lines, LegacyLineRole.Unplaced), $"texte non classé of {fiche.SourceName}");

        var actions = Normalise(string.Join(' ', content.Actions.SelectMany(a => new[] { a.Title, a.Description })));
        Texts(lines, LegacyLineRole.Action).Where(t => !actions.Contains(Normalise(LegacyNarrativeMarker(t)), StringComparison.Ordinal)).ShouldBeEmpty();

        var axes = Normalise(string.Join(' ', content.Programme.Axes.SelectMany(a => new[] { a.Title, a.Text })));
        Texts(lines, LegacyLineRole.ProgrammeAxis).Where(t => !axes.Contains(Normalise(LegacyNarrativeMarker(t)), StringComparison.Ordinal)).ShouldBeEmpty();

        var contactLines = Texts(lines, LegacyLineRole.Contact);
        if (contactLines.Count > 0)
        {
            content.Contacts.ShouldNotBeEmpty();
            var joined = string.Join(' ', contactLines);
            content.Contacts.Where(c => !joined.Contains(Normalise(c.Name), StringComparison.Ordinal)).ShouldBeEmpty();
        }

        var labels = content.Budget.Lines.Select(l => Normalise(l.Label)).ToList();
        Texts(lines, LegacyLineRole.BudgetLine).Where(t => !labels.Any(l => t.Contains(l, StringComparison.Ordinal))).ShouldBeEmpty();

        var identity = new[] { fiche.KindText, fiche.PopulationText, fiche.RegionText }
            .Concat(fiche.Address?.Split('\n') ?? [])
            .OfType<string>().Select(Normalise).ToHashSet();
        Texts(lines, LegacyLineRole.IdentityValue)
            .Where(t => !identity.Contains(t) && !(fiche.MembershipYear is { } y && t.Contains(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))
            .ShouldBeEmpty($"identity values of {fiche.SourceName}");
        Texts(lines, LegacyLineRole.Name).ShouldAllBe(t => t == Normalise(fiche.SourceName ?? ""));
    }

    private static bool IsMarker(LegacyLineRole role) => role is LegacyLineRole.Heading or LegacyLineRole.IdentityLabel;

    private static List<string> Texts(IReadOnlyList<LegacyLineUse> lines, LegacyLineRole role) =>
        [.. lines.Where(l => l.Role == role).Select(l => Normalise(l.Text))];

    private static List<string> Paragraphs(string? narrative) =>
        narrative is null ? [] : [.. narrative.Split("\n\n").Select(Normalise)];

    private static string LegacyNarrativeMarker(string line) =>
        line.TrimStart('•', '-', '*', '–', ' ', '.', ')', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    /// <summary>Whitespace (non-breaking spaces included) collapsed, NFC: how the parser may rewrite a line, and no more.</summary>
    public static string Normalise(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
