using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Second step of sign-in: the authenticator's code, or a recovery code.</summary>
public sealed class DeuxFacteursVerificationModel(
    SignInManager<RtesUser> signInManager, CurrentUser currentUser, UserTenants userTenants) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/compte/connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect("/compte/connexion");
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Saisissez le code à 6 chiffres affiché par votre application.");
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        return await OutcomeAsync(user, result, nameof(Code), "Ce code n'est pas valide. Saisissez le code affiché maintenant par votre application.");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return LocalRedirect("/compte/connexion");
        }

        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = code.Length == 0 ? SignInResult.Failed : await signInManager.TwoFactorRecoveryCodeSignInAsync(code);
        return await OutcomeAsync(user, result, nameof(RecoveryCode), "Ce code de récupération n'est pas valide ou a déjà servi.");
    }

    private async Task<IActionResult> OutcomeAsync(RtesUser user, SignInResult result, string field, string invalidMessage)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(await AccountLinks.LandingAsync(
                ReturnUrl, user, signInManager.UserManager, currentUser, userTenants, HttpContext.RequestAborted));
        }

        ModelState.AddModelError(result.IsLockedOut ? string.Empty : field, result.IsLockedOut ? ConnexionModel.LockedOut : invalidMessage);
        return Page();
    }
}
