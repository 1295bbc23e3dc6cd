using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The tenant's audit log, newest first, 20 events per page.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class JournalModel(RtesDbContext db) : EspacePageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int TotalPages { get; private set; }

    // Not "page": that name is Razor Pages' own route value.
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var total = await db.AuditEvents.CountAsync(cancellationToken);
        TotalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (PageNumber < 1 || PageNumber > TotalPages)
        {
            return NotFound();
        }

        Events = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return Page();
    }
}
