using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The tenant's team: members and their roles, invitations. Tenant admins only.</summary>
[Authorize(Policy = Policies.TenantEditor)]
[Authorize(Policy = Policies.TenantAdmin)]
public sealed class EquipeModel(
    TeamManager team, Invitations invitations, TeamMails mails, TenantContext tenantContext, IOptions<EmailOptions> emailOptions)
    : EspacePageModel
{
    public const string LastAdminRemove =
        "Vous êtes le dernier administrateur de cette équipe : nommez d'abord un autre administrateur, puis retirez-vous.";
    public const string LastAdminRole =
        "Vous êtes le dernier administrateur de cette équipe : nommez d'abord un autre administrateur, puis changez votre rôle.";

    private const string RemovedMessage = "Le membre a été retiré de l'équipe.";

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];
    public IReadOnlyList<Invitation> Pending { get; private set; } = [];
    public InviteInput Invite { get; private set; } = new() { Role = TenantRole.Editor };
    public Guid? MyId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        await TryUpdateModelAsync(Invite, nameof(Invite));
        var email = InvitationLinks.CheckEmail(ModelState, "Invite.Email", Invite.Email);
        if (!TenantRole.IsValid(Invite.Role))
        {
            ModelState.AddModelError("Invite.Role", "Choisissez le rôle de la personne invitée.");
        }

        if (email is not null && await team.HasMemberWithEmailAsync(email, cancellationToken))
        {
            ModelState.AddModelError("Invite.Email", "Cette personne fait déjà partie de l'équipe.");
        }

        if (!ModelState.IsValid || email is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (invitation, token) = await invitations.CreateAsync(email, Invite.Role!, CurrentUser, cancellationToken);
        var sent = await mails.SendInvitationAsync(invitation, tenantContext.Tenant!.Name, InvitationLinks.Absolute(emailOptions.Value, token), cancellationToken);
        Message = sent
            ? $"Invitation envoyée à {email}."
            : $"L'invitation de {email} est enregistrée, mais l'e-mail n'a pas pu être envoyé : révoquez-la et invitez à nouveau plus tard.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, string? role, CancellationToken cancellationToken)
    {
        if (!TenantRole.IsValid(role))
        {
            return BadRequest();
        }

        var result = await team.ChangeRoleAsync(userId, role!, CurrentUser, cancellationToken);
        return await AfterChangeAsync(result, userId, LastAdminRole, "Le rôle a été modifié.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var result = await team.RemoveAsync(userId, CurrentUser, cancellationToken);
        return await AfterChangeAsync(result, userId, LastAdminRemove, RemovedMessage, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        Message = await invitations.RevokeAsync(id, CurrentUser, cancellationToken)
            ? "L'invitation a été révoquée : son lien ne fonctionne plus."
            : "Cette invitation n'est plus en attente.";
        return RedirectToPage();
    }

    private async Task<IActionResult> AfterChangeAsync(
        TeamChange result, Guid userId, string lastAdmin, string done, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case TeamChange.NotFound:
                return NotFound();
            case TeamChange.LastAdmin:
                Error = lastAdmin;
                await LoadAsync(cancellationToken);
                return Page();
            default:
                Message = done;
                // Who left the admins no longer sees this page; who left the team, the back office.
                if (userId != MyId)
                {
                    return RedirectToPage();
                }

                return Redirect(done == RemovedMessage ? "/" : $"/espace/{Slug}");
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Members = await team.MembersAsync(cancellationToken);
        Pending = await invitations.PendingAsync(cancellationToken);
    }
}
