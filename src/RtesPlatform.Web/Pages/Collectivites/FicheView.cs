using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>
/// What the fiche article (<c>_FicheArticle.cshtml</c>) renders: a tenant and some content, either
/// a published version (public page) or the draft (back-office preview), so both look the same.
/// </summary>
public sealed class FicheView(Tenant tenant, FicheContent content, RenderedFiche? rendered, IReadOnlyDictionary<string, string> themeLabels)
{
    public Tenant Tenant { get; } = tenant;
    public FicheContent Fiche { get; } = content;
    public FicheVersion? Version => rendered?.Version;
    public IReadOnlyDictionary<string, string> ThemeLabels { get; } = themeLabels;

    /// <summary>In the back-office preview: the draft's status ("brouillon — pas encore publié"), shown instead of the publication date.</summary>
    public string? PreviewStatus { get; init; }

    /// <summary>In the preview: the sections that differ from the published version (highlighted).</summary>
    public IReadOnlySet<Core.Features.Authoring.FicheSection> ChangedSections { get; init; } = new HashSet<Core.Features.Authoring.FicheSection>();

    /// <summary>In the preview: labels (upper case) of the key-figure series that differ from the published version.</summary>
    public IReadOnlySet<string> ChangedSeries { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<FigureSeries> Series { get; } = FigureSeries.Group(content.Panorama.Figures);

    public (int First, int Last)? DataYears { get; } = FigureSeries.DataYears(content);

    public bool IsChanged(FigureSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return ChangedSeries.Contains(series.Label.Trim().ToUpperInvariant());
    }

    public string? ChangedClass(Core.Features.Authoring.FicheSection section) => ChangedSections.Contains(section) ? " section-changed" : null;

    public Source? SourceOf(string? key) =>
        key is null ? null : Fiche.Sources.FirstOrDefault(s => s.Key == key);

    /// <summary>
    /// "2019 · source 1" under a figure, linking to the numbered list of sources: the full title is
    /// given once in that list and in the link's accessible name, not repeated under every figure.
    /// </summary>
    public IHtmlContent SourceNote(int year, string? sourceKey)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder("<span class=\"figure-meta\">");
        html.Append(year.ToString(CultureInfo.InvariantCulture));
        if (SourceOf(sourceKey) is { } source)
        {
            var number = SourceNumber(source).ToString(CultureInfo.InvariantCulture);
            html.Append(" · <a href=\"#source-").Append(encoder.Encode(source.Key))
                .Append("\" aria-label=\"source ").Append(number).Append(" : ").Append(encoder.Encode(source.Title)).Append("\">")
                .Append("source ").Append(number).Append("</a>");
        }

        return new HtmlString(html.Append("</span>").ToString());
    }

    /// <summary>1-based position of a source in the fiche's list of sources.</summary>
    public int SourceNumber(Source source) => Fiche.Sources.ToList().IndexOf(source) + 1;

    public string Html(string? markdown) => rendered?.Html(markdown) ?? SafeMarkdown.ToHtml(markdown);

    public IEnumerable<Contact> PublishedContacts => Fiche.Contacts.Where(c => c.MayBePublished);
}
