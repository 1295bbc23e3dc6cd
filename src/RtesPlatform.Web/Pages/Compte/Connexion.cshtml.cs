using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Sign-in with email and password; then the second factor, or the mandatory 2FA setup of network admins.</summary>
public sealed class ConnexionModel(
    SignInManager<RtesUser> signInManager,
    UserManager<RtesUser> userManager,
    AccountMails mails,
    IOptions<EmailOptions> emailOptions,
    CurrentUser currentUser,
    UserTenants userTenants,
    ILogger<ConnexionModel> logger) : PageModel
{
    public const string InvalidCredentials = "Adresse e-mail ou mot de passe incorrect.";
    public const string LockedOut =
        "Ce compte est verrouillé pendant 15 minutes après plusieurs mots de passe erronés. Réessayez plus tard, ou réinitialisez votre mot de passe.";
    public const string EmailNotConfirmed =
        "Votre adresse e-mail n'est pas encore confirmée. Nous venons de vous renvoyer le lien de confirmation : ouvrez-le, puis connectez-vous.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple prenom.nom@collectivite.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A checkbox posted with a value that is not a boolean means "not ticked": kept in the
        // model state, the value would break the checkbox when the form is shown again.
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.RememberMe)}") == ModelValidationState.Invalid)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.RememberMe)}");
            Input.RememberMe = false;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var result = await signInManager.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        // Passed on only when given: without one, the landing page depends on the user's roles.
        var returnUrl = AccountLinks.LocalReturnUrl(ReturnUrl);
        var returnQuery = returnUrl is null ? "" : $"ReturnUrl={Uri.EscapeDataString(returnUrl)}&";
        if (result.Succeeded)
        {
            var user = await userManager.FindByEmailAsync(email);
            if (user is not null && !user.TwoFactorEnabled && await userManager.IsInRoleAsync(user, NetworkRoles.NetworkAdmin))
            {
                StatusMessage = "La double authentification est obligatoire pour les comptes de l'équipe du réseau : activez-la pour continuer.";
                return LocalRedirect($"/compte/deux-facteurs?ReturnUrl={Uri.EscapeDataString(returnUrl ?? "/reseau")}");
            }

            return LocalRedirect(user is null ? "/" : await AccountLinks.LandingAsync(returnUrl, user, userManager, currentUser, userTenants, HttpContext.RequestAborted));
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect($"/compte/deux-facteurs/verification?{returnQuery}RememberMe={Input.RememberMe}");
        }

        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, LockedOut);
            return Page();
        }

        if (result.IsNotAllowed && await NotConfirmedAsync(email))
        {
            ModelState.AddModelError(string.Empty, EmailNotConfirmed);
            return Page();
        }

        ModelState.AddModelError(string.Empty, InvalidCredentials);
        return Page();
    }

    /// <summary>
    /// Sign-in refused before the password check (email not confirmed): say so only to whoever knows
    /// the password, and send the confirmation link again. A wrong password still counts towards lockout.
    /// </summary>
    private async Task<bool> NotConfirmedAsync(string email)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null || user.EmailConfirmed)
        {
            return false;
        }

        if (!await userManager.CheckPasswordAsync(user, Input.Password))
        {
            await userManager.AccessFailedAsync(user);
            return false;
        }

        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        var link = AccountLinks.Absolute(Request, emailOptions.Value, "/compte/confirmer-email",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = AccountLinks.EncodeToken(token) });
        if (!await mails.SendConfirmationAsync(user, link, HttpContext.RequestAborted))
        {
            logger.LogWarning("Confirmation mail for user {UserId} not sent at sign-in", user.Id);
        }

        return true;
    }
}
