using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Collectivites;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The draft rendered by the public fiche's own markup, under an "unpublished" banner.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ApercuModel(RtesDbContext db, TenantContext tenantContext, DraftEditor editor, PublishedFicheCache fiches) : PageModel
{
    public FicheView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantContext.TenantId, cancellationToken);
        var draft = await editor.GetAsync(cancellationToken);
        View = new FicheView(tenant, draft.Content, rendered: null, await fiches.ThemeLabelsAsync(db, cancellationToken));
    }
}
