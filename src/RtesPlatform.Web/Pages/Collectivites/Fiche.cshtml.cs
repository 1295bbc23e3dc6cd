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
/// The article itself is <c>_FicheArticle.cshtml</c>, shared with the back-office preview.
/// </summary>
public sealed class FicheModel(RtesDbContext db, TenantContext tenantContext, PublishedFicheCache fiches) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public FicheView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.TenantId is not { } tenantId)
        {
            return NotFound();
        }

        Tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        RenderedFiche? rendered = null;
        if (Tenant.PublishedVersion is { } number)
        {
            rendered = await fiches.GetAsync(db, tenantId, number, cancellationToken);
        }

        var themeLabels = await fiches.ThemeLabelsAsync(db, cancellationToken);
        View = new FicheView(Tenant, rendered?.Version.Content ?? new FicheContent(), rendered, themeLabels);
        return Page();
    }
}
