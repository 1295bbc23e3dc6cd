using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>Published versions, the difference between any two, and "restore as draft".</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class HistoriqueModel(RtesDbContext db, DraftEditor editor) : EspacePageModel
{
    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<SectionDiff> Diff { get; private set; } = [];
    public int DraftRevision { get; private set; }

    [FromQuery(Name = "de")]
    public int? From { get; set; }

    [FromQuery(Name = "a")]
    public int? To { get; set; }

    [FromQuery(Name = "restauree")]
    public int? JustRestored { get; set; }

    public bool RestoreConflict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DraftRevision = (await editor.GetAsync(cancellationToken)).Revision;
        Versions = await db.FicheVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.PublishedAt, v.PublishedBy))
            .ToListAsync(cancellationToken);
        if (Versions.Count >= 2 && From is null && To is null)
        {
            (From, To) = (Versions[1].Number, Versions[0].Number);
        }

        if (From is { } from && To is { } to)
        {
            var pair = await db.FicheVersions.AsNoTracking()
                .Where(v => v.Number == from || v.Number == to)
                .ToDictionaryAsync(v => v.Number, v => v.Content, cancellationToken);
            if (pair.TryGetValue(from, out var before) && pair.TryGetValue(to, out var after))
            {
                Diff = [.. Enum.GetValues<FicheSection>().Select(s =>
                    new SectionDiff(s, LineDiff.Compute(SectionText.Lines(before, s), SectionText.Lines(after, s))))];
            }
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number, int revision, CancellationToken cancellationToken)
    {
        var result = await editor.RestoreVersionAsync(number, revision, CurrentUser, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (result.IsConflict)
        {
            RestoreConflict = true;
            await OnGetAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(new { slug = Slug, restauree = number });
    }
}
