using System.Text;
using Markdig;

namespace RtesPlatform.Core.Features.Actions;

/// <summary>The first words of an action's Markdown description, as plain text, for lists of actions.</summary>
public static class ActionExcerpt
{
    public const int DefaultLength = 220;

    // Raw HTML stays text (and is encoded by Razor): an excerpt never carries markup.
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string? From(string? markdown, int maxLength = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var text = CollapseSpaces(Markdown.ToPlainText(markdown, _pipeline));
        if (text.Length <= maxLength)
        {
            return text.Length == 0 ? null : text;
        }

        // Cut at the last space before the limit, so that no word is split.
        var cut = text.LastIndexOf(' ', maxLength);
        var end = cut > maxLength / 2 ? cut : maxLength;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        var kept = text[..end].TrimEnd(' ', ',', ';', ':', '.', '–', '-');
        return kept + "…";
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Only line breaks and ordinary spaces: French non-breaking spaces (before « : », in numbers) stay.
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd();
    }
}
