using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Collectivites;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// The draft rendered by the public fiche's own markup, with its status and what it changes since
/// the published version (listed section by section, and highlighted in the fiche).
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ApercuModel(RtesDbContext db, TenantContext tenantContext, DraftStatusQuery drafts, PublishedFicheCache fiches) : EspacePageModel
{
    public FicheView View { get; private set; } = null!;

    public DraftStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantContext.TenantId, cancellationToken);
        Status = await drafts.GetAsync(cancellationToken);
        View = new FicheView(tenant, Status.Draft.Content, rendered: null, await fiches.ThemeLabelsAsync(db, cancellationToken))
        {
            PreviewStatus = Status.Label,
            ChangedSections = Status.Published is null ? new HashSet<FicheSection>() : Status.Changes.Select(c => c.Section).ToHashSet(),
            ChangedSeries = Status.Published is null ? new HashSet<string>(StringComparer.Ordinal) : Status.ChangedSeries(),
        };
    }
}
