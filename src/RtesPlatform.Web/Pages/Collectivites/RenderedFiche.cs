using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>A published version with the HTML of each of its Markdown texts rendered once.</summary>
public sealed class RenderedFiche
{
    private readonly Dictionary<string, string> _html;

    private RenderedFiche(FicheVersion version, Dictionary<string, string> html)
    {
        Version = version;
        _html = html;
    }

    public FicheVersion Version { get; }

    public static RenderedFiche From(FicheVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var content = version.Content;
        var texts = new[] { content.Panorama.Narrative, content.Budget.Narrative, content.Programme.Narrative }
            .Concat(content.Programme.Axes.Select(a => a.Text))
            .Concat(content.Actions.Select(a => a.Description))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        return new RenderedFiche(version, texts.ToDictionary(t => t, SafeMarkdown.ToHtml, StringComparer.Ordinal));
    }

    /// <summary>Safe HTML of one of the version's Markdown texts.</summary>
    public string Html(string? markdown) =>
        markdown is null ? string.Empty : _html.GetValueOrDefault(markdown) ?? SafeMarkdown.ToHtml(markdown);
}
