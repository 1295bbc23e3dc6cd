using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>
/// Accepts an invitation from the link of its mail: with the invited address's account (signed in),
/// or by creating that account, confirmed by the invitation itself (the mail proved the address).
/// </summary>
public sealed class InvitationModel(
    Invitations invitations, UserManager<RtesUser> userManager, SignInManager<RtesUser> signInManager, AccountThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public InvitationLookup Lookup { get; private set; } = InvitationLookup.Unknown;
    public InvitationView View { get; private set; }
    public string? SignedInEmail { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre nom, tel qu'il apparaîtra dans l'équipe.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    public string SignInUrl => "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString($"{InvitationLinks.Path}?jeton={Uri.EscapeDataString(Token ?? "")}");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var attempt = throttle.Begin(HttpContext, email: null);
        if (attempt.Refused)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        await LoadAsync(cancellationToken);
        if (Lookup.State == InvitationState.Pending)
        {
            attempt.Succeeded();
        }

        if (View != InvitationView.Accept || await userManager.GetUserAsync(User) is not { } user)
        {
            return await ShowAsync(cancellationToken);
        }

        return await invitations.AcceptAsync(Lookup, user, cancellationToken)
            ? Redirect($"/espace/{Lookup.Tenant!.Slug}")
            : await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        // Guessing invitation links counts against the client; a real one does not.
        var attempt = throttle.Begin(HttpContext, email: null);
        if (attempt.Refused)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        await LoadAsync(cancellationToken);
        if (Lookup.State == InvitationState.Pending)
        {
            attempt.Succeeded();
        }

        if (View != InvitationView.CreateAccount || !ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }

        var email = Lookup.Invitation!.Email;
        var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.Name.Trim() };
        var created = await userManager.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var key = error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == CommonPasswordValidator.ErrorCode
                    ? "Input.Password"
                    : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }

            return await ShowAsync(cancellationToken);
        }

        if (!await invitations.AcceptAsync(Lookup, user, cancellationToken))
        {
            // Used or revoked meanwhile: the invitation creates nothing, not even the account.
            await userManager.DeleteAsync(user);
            return await ShowAsync(cancellationToken);
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        return Redirect($"/espace/{Lookup.Tenant!.Slug}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = Lookup.State switch
        {
            InvitationState.Pending => StatusCodes.Status200OK,
            InvitationState.Unknown => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status410Gone,
        };
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lookup = await invitations.FindAsync(Token, cancellationToken);
        if (Lookup is not { State: InvitationState.Pending, Invitation: { } invitation })
        {
            View = InvitationView.Refused;
            return;
        }

        var signedIn = User.Identity?.IsAuthenticated == true ? await userManager.GetUserAsync(User) : null;
        SignedInEmail = signedIn?.Email;
        var normalized = userManager.NormalizeEmail(invitation.Email);
        View = signedIn is not null
            ? (signedIn.NormalizedEmail == normalized ? InvitationView.Accept : InvitationView.OtherAccount)
            : await userManager.FindByEmailAsync(invitation.Email) is null ? InvitationView.CreateAccount : InvitationView.SignIn;
    }
}
