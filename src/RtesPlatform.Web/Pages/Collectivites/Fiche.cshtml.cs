using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>
/// The public fiche of one tenant: its identity and the version it currently publishes. The
/// tenant was resolved from the slug by <c>TenantResolutionMiddleware</c> for a public read.
/// </summary>
public sealed class FicheModel(RtesDbContext db, TenantContext tenantContext, PublishedFicheCache fiches) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public FicheVersion? Version => Rendered?.Version;
    public RenderedFiche? Rendered { get; private set; }
    public IReadOnlyDictionary<string, string> ThemeLabels { get; private set; } = new Dictionary<string, string>();

    public FicheContent Fiche => Version?.Content ?? new FicheContent();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.TenantId is not { } tenantId)
        {
            return NotFound();
        }

        Tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        if (Tenant.PublishedVersion is { } number)
        {
            Rendered = await fiches.GetAsync(db, tenantId, number, cancellationToken);
        }

        ThemeLabels = await fiches.ThemeLabelsAsync(db, cancellationToken);
        return Page();
    }

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

    public string Html(string? markdown) => Rendered?.Html(markdown) ?? SafeMarkdown.ToHtml(markdown);

    public IEnumerable<Contact> PublishedContacts => Fiche.Contacts.Where(c => c.ConsentToPublish);
}
