using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Infrastructure.Tenancy;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>Network console: every tenant with its publication status; suspend or reactivate.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class IndexModel(RtesDbContext db, TenantDirectory directory) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Tenant> Tenants { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TotalCount = await db.Tenants.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Tenants = await db.Tenants.AsNoTracking()
            .OrderBy(t => t.Name)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken cancellationToken) =>
        SetStatusAsync(id, TenantStatus.Suspended, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken cancellationToken) =>
        SetStatusAsync(id, TenantStatus.Active, cancellationToken);

    private async Task<IActionResult> SetStatusAsync(Guid id, TenantStatus status, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return NotFound();
        }

        tenant.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(tenant.Slug);
        Message = status == TenantStatus.Suspended
            ? $"{tenant.Name} est suspendue : sa fiche et son espace ne sont plus accessibles."
            : $"{tenant.Name} est réactivée.";
        return RedirectToPage(new { p = PageNumber });
    }
}
