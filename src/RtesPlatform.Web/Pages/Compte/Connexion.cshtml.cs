using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Web.Infrastructure.Authorization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Sign-in with email and password; then the second factor, or the mandatory 2FA setup of network admins.</summary>
public sealed class ConnexionModel(
    SignInManager<RtesUser> signInManager,
    UserManager<RtesUser> userManager,
    AccountMails mails,
    IOptions<EmailOptions> emailOptions,
    AccountThrottle throttle,
    PasswordCheck passwords,
    CurrentUser currentUser,
    UserTenants userTenants,
    ILogger<ConnexionModel> logger) : PageModel
{
    /// <summary>
    /// The one answer to wrong credentials — unknown email, wrong password, locked account alike, so
    /// that nobody learns which addresses have an account; it says what a locked owner should do.
    /// </summary>
    public const string InvalidCredentials =
        "Adresse e-mail ou mot de passe incorrect. Après 5 essais erronés, le compte est bloqué 15 minutes : réessayez plus tard, ou réinitialisez votre mot de passe.";

    /// <summary>Only once the password was right (two-factor step): the account is then known to its owner.</summary>
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
        if (User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { } current
            && current.NormalizedEmail != userManager.NormalizeEmail(email))
        {
            // A session is never handed over to another account (its key would be kept).
            ModelState.AddModelError(string.Empty, $"Vous êtes déjà connecté avec l'adresse {current.Email} : déconnectez-vous d'abord, puis connectez-vous avec l'autre compte.");
            return Page();
        }

        var attempt = throttle.Begin(HttpContext, email);
        if (attempt.Refused)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        // Unknown and locked accounts cost one password hash too, and get the same answer.
        var user = await userManager.FindByEmailAsync(email);
        SignInResult result;
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            passwords.VerifyDummy(Input.Password);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        }

        var returnUrl = RedirectTargets.Local(ReturnUrl);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            attempt.Succeeded();
        }

        if (result.Succeeded)
        {
            if (!user!.TwoFactorEnabled && await userManager.IsInRoleAsync(user, NetworkRoles.NetworkAdmin))
            {
                StatusMessage = "La double authentification est obligatoire pour les comptes de l'équipe du réseau : activez-la pour continuer.";
                return LocalRedirect("/compte/deux-facteurs" + ReturnQuery(returnUrl, '?'));
            }

            return LocalRedirect(await AccountLinks.LandingAsync(returnUrl, user, userManager, currentUser, userTenants, HttpContext.RequestAborted));
        }

        if (result.RequiresTwoFactor)
        {
            return LocalRedirect($"/compte/deux-facteurs/verification?RememberMe={Input.RememberMe}{ReturnQuery(returnUrl, '&')}");
        }

        if (result.IsNotAllowed && await NotConfirmedAsync(user!))
        {
            attempt.Succeeded();
            ModelState.AddModelError(string.Empty, EmailNotConfirmed);
            return Page();
        }

        ModelState.AddModelError(string.Empty, InvalidCredentials);
        return Page();
    }

    private static string ReturnQuery(string? returnUrl, char separator) =>
        returnUrl is null ? string.Empty : $"{separator}ReturnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>
    /// Sign-in refused before the password check (email not confirmed): say so only to whoever knows
    /// the password, and send the confirmation link again. A wrong password still counts towards lockout.
    /// </summary>
    private async Task<bool> NotConfirmedAsync(RtesUser user)
    {
        if (user.EmailConfirmed)
        {
            return false;
        }

        if (!await userManager.CheckPasswordAsync(user, Input.Password))
        {
            await userManager.AccessFailedAsync(user);
            return false;
        }

        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        var link = AccountLinks.Absolute(emailOptions.Value, "/compte/confirmer-email",
            new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = AccountLinks.EncodeToken(token) });
        if (!await mails.SendConfirmationAsync(user, link, HttpContext.RequestAborted))
        {
            logger.LogWarning("Confirmation mail for user {UserId} not sent at sign-in", user.Id);
        }

        return true;
    }
}
