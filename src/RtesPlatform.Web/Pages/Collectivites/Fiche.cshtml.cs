using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Pages.Collectivites;

/// <summary>
/// The public fiche of one tenant: its identity and the version it currently publishes. The
/// tenant was resolved from the slug by <c>TenantResolutionMiddleware</c> for a public read.
/// The article itself is <c>_FicheArticle.cshtml</c>, shared with the back-office preview.
/// One database round trip per request (see <see cref="PublishedFicheCache"/>); no database
/// context is created unless the cached rows are out of date.
/// </summary>
public sealed class FicheModel(TenantContext tenantContext, PublishedFicheCache fiches) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public FicheView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.TenantId is not { } tenantId)
        {
            return NotFound();
        }

        RtesDbContext Db() => HttpContext.RequestServices.GetRequiredService<RtesDbContext>();
        var published = await fiches.GetPublishedAsync(tenantId, Db, cancellationToken);
        if (published is null || published.Tenant.Status != TenantStatus.Active)
        {
            return NotFound();
        }

        Tenant = published.Tenant;
        var rendered = published.Rendered;
        var themeLabels = await fiches.ThemeLabelsAsync(Db, cancellationToken);
        View = new FicheView(Tenant, rendered?.Version.Content ?? new FicheContent(), rendered, themeLabels);
        return Page();
    }
}
