using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>Network console: invites the first admin of a tenant (an invitation with the admin role).</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class InviterModel(
    RtesDbContext db, IServiceScopeFactory scopes, TeamMails mails, IOptions<EmailOptions> emailOptions) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Email { get; set; }

    public Tenant? Tenant { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == Slug, cancellationToken);
        return Tenant is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == Slug, cancellationToken);
        if (Tenant is null)
        {
            return NotFound();
        }

        var email = InvitationLinks.CheckEmail(ModelState, nameof(Email), Email);
        if (email is null)
        {
            return Page();
        }

        // The network admin is no member of the tenant: the insert runs in a unit of work of that
        // tenant (tenant access, row-level security), like the demo seeder's.
        var by = new AuthoringUser(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name);
        var (invitation, token) = await Invitations.CreateForTenantAsync(
            scopes, TenantInfo.From(Tenant), email, TenantRole.Admin, by, cancellationToken);
        var sent = await mails.SendInvitationAsync(invitation, Tenant.Name, InvitationLinks.Absolute(emailOptions.Value, token), cancellationToken);
        TempData["Message"] = sent
            ? $"Invitation d'administrateur de {Tenant.Name} envoyée à {email}."
            : $"L'invitation de {email} pour {Tenant.Name} est enregistrée, mais l'e-mail n'a pas pu être envoyé.";
        return Redirect("/reseau");
    }
}
