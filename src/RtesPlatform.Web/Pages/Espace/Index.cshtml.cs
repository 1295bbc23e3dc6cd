using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// The tenant's dashboard: each section of the draft, the last publication, whether the draft
/// differs from it, figures to update; and the way to publishing (<see cref="PublierModel"/>).
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class IndexModel(RtesDbContext db, DraftStatusQuery drafts, TimeProvider clock, CampaignVisits campaignVisits) : EspacePageModel
{
    public FicheDraft Draft { get; private set; } = null!;
    public FicheVersion? Published { get; private set; }
    public IReadOnlyList<SectionState> Sections { get; private set; } = [];
    public IReadOnlyList<StaleFigure> StaleFigures { get; private set; } = [];
    public DraftStatus Status { get; private set; } = null!;

    /// <summary>Back from the yearly update, saved.</summary>
    [FromQuery(Name = "enregistre")]
    public bool JustSaved { get; set; }

    [FromQuery(Name = "publiee")]
    public int? JustPublished { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // An open update campaign targeting this tenant records the team's first visit (at most one write).
        await campaignVisits.RecordAsync(cancellationToken);
        Status = await drafts.GetAsync(cancellationToken);
        (Draft, Published) = (Status.Draft, Status.Published);

        var changes = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.DraftSaved || e.Action == AuditActions.DraftRestored)
            .OrderByDescending(e => e.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        Sections = [.. Enum.GetValues<FicheSection>().Select(section =>
        {
            var filled = SectionText.Lines(Draft.Content, section).Count > 0;
            var last = changes.FirstOrDefault(e => e.Section == section || e.Section is null);
            // A filled section with no logged change was written before the log (e.g. imported).
            return last is null && filled && Draft.Revision > 0
                ? new SectionState(section, filled, Draft.UpdatedAt, Draft.UpdatedBy)
                : new SectionState(section, filled, last?.At, last?.UserName ?? last?.UserId);
        })];
        StaleFigures = Core.Features.Authoring.StaleFigures.Find(Draft.Content, CurrentYear(clock));
    }
}
