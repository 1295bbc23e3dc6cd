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
public sealed class FicheModel(RtesDbContext db, TenantContext tenantContext) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public FicheVersion? Version { get; private set; }
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
            Version = await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        }

        ThemeLabels = await db.Themes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.LabelFr, cancellationToken);
        return Page();
    }

    public Source? SourceOf(string? key) =>
        key is null ? null : Fiche.Sources.FirstOrDefault(s => s.Key == key);

    public IEnumerable<Contact> PublishedContacts => Fiche.Contacts.Where(c => c.ConsentToPublish);
}
