using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Splits "Exemples d'actions soutenues par la collectivité" into actions:
/// <list type="bullet">
/// <item>a short line standing alone between blank lines (not a list item, no final ":") is an
/// action's title; the lines after it, up to the next such title, are its description;</item>
/// <item>otherwise each list item or paragraph is an action; a line ending with ":" groups the list
/// items that follow it into one action;</item>
/// <item>an action without a title line takes its text as title when short (list marker removed),
/// else its first sentence (cut at 90 characters), and keeps its whole text as description.</item>
/// </list>
/// </summary>
internal static class LegacyActionSplitter
{
    private const int MaxTitleLength = 100;
    private const int DerivedTitleLength = 90;

    public static List<SupportedAction> Split(IReadOnlyList<LegacySourceLine> lines)
    {
        var actions = new List<SupportedAction>();
        string? title = null;
        var body = new List<string>();
        var titled = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var text = line.Text;
            var standsAlone = (line.BlankBefore || i == 0) && i + 1 < lines.Count && lines[i + 1].BlankBefore;
            if (standsAlone && text.Length <= MaxTitleLength && !LegacyText.IsBullet(text) && !text.EndsWith(':'))
            {
                Flush(actions, title, body);
                (title, titled) = (text, true);
                continue;
            }

            var groupOpen = title is not null && !titled;
            if (titled || (groupOpen && LegacyText.IsBullet(text)))
            {
                body.Add(text);
                continue;
            }

            Flush(actions, title, body);
            title = null;
            if (text.EndsWith(':') && !LegacyText.IsBullet(text))
            {
                title = text.TrimEnd(':', ' ');
                body.Add(text);
                continue;
            }

            actions.Add(Untitled(text));
        }

        Flush(actions, title, body);
        return actions;
    }

    private static void Flush(List<SupportedAction> actions, string? title, List<string> body)
    {
        if (title is not null)
        {
            actions.Add(new SupportedAction { Title = title, Description = body.Count == 0 ? null : string.Join("\n\n", body) });
        }

        body.Clear();
    }

    private static SupportedAction Untitled(string text)
    {
        var content = LegacyNarrative.WithoutMarker(text);
        return content.Length <= MaxTitleLength
            ? new SupportedAction { Title = content }
            : new SupportedAction { Title = FirstSentence(content), Description = content };
    }

    private static string FirstSentence(string text)
    {
        var sentence = LegacySentences.First(text).TrimEnd('.', ' ');
        if (sentence.Length <= DerivedTitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', DerivedTitleLength);
        return string.Concat(sentence[..(cut > 0 ? cut : DerivedTitleLength)].TrimEnd(',', ';', ':', ' '), "…");
    }
}
