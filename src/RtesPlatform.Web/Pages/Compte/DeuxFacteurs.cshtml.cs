using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>
/// Two-factor authentication setup (TOTP): the key as text and as an otpauth URI, a first code to
/// prove the authenticator works, then recovery codes shown once.
/// </summary>
[Authorize]
public sealed class DeuxFacteursModel(UserManager<RtesUser> userManager, SignInManager<RtesUser> signInManager) : PageModel
{
    public const string Issuer = "RTES";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool Enabled { get; private set; }

    public bool Mandatory { get; private set; }

    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
        [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code comporte 6 chiffres.")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
            if (await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await userManager.SetTwoFactorEnabledAsync(user, true);
                RecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
                await signInManager.RefreshSignInAsync(user);
                StatusMessage = null;
                await LoadAsync(user);
                return Page();
            }

            ModelState.AddModelError("Input.Code", "Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.");
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ModelState.Clear();
        if (user.TwoFactorEnabled)
        {
            RecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        }

        await LoadAsync(user);
        return Page();
    }

    private async Task<bool> LoadAsync(RtesUser? user = null)
    {
        user ??= await userManager.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Enabled = user.TwoFactorEnabled;
        Mandatory = await userManager.IsInRoleAsync(user, NetworkRoles.NetworkAdmin);
        if (Enabled)
        {
            RecoveryCodesLeft = await userManager.CountRecoveryCodesAsync(user);
            return true;
        }

        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? "";

            // A new key changes the security stamp: renew this session's cookie so it stays valid.
            await signInManager.RefreshSignInAsync(user);
        }

        SharedKey = FormatKey(key);
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30";
        return true;
    }

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
