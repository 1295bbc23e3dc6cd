using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Account security: change the password; sign out of every device (server-side sessions deleted, new security stamp).</summary>
[Authorize]
public sealed class SecuriteModel(
    UserManager<RtesUser> userManager, SignInManager<RtesUser> signInManager, UserSessions sessions, ILogger<SecuriteModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Email { get; private set; }

    public bool TwoFactorEnabled { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await userManager.ChangePasswordAsync(user, Input.CurrentPassword, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.Password",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Le mot de passe actuel est incorrect." : error.Description);
            }

            return Page();
        }

        // Every other session ends now (their server-side sessions go); this one gets a fresh cookie.
        var current = await DatabaseTicketStore.CurrentSessionIdAsync(HttpContext);
        await sessions.DeleteSessionsAsync(user.Id, keep: current, HttpContext.RequestAborted);
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        StatusMessage = "Votre mot de passe a été modifié. Vos autres sessions ont été fermées.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Deleting the server-side sessions ends every device's session at its next request; the new
        // security stamp also stops the account's API refresh tokens.
        await userManager.UpdateSecurityStampAsync(user);
        await sessions.DeleteSessionsAsync(user.Id, keep: null, HttpContext.RequestAborted);
        await signInManager.SignOutAsync();
        logger.LogInformation("User {UserId} signed out of every device", user.Id);
        TempData["StatusMessage"] = "Vous avez été déconnecté de tous les appareils.";
        return LocalRedirect("/compte/connexion");
    }

    private async Task<RtesUser?> LoadAsync()
    {
        var user = await userManager.GetUserAsync(User);
        Email = user?.Email;
        TwoFactorEnabled = user?.TwoFactorEnabled ?? false;
        return user;
    }
}
