using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Chooses a new password from the link of the reset mail (single use; ends other sessions).</summary>
public sealed class ReinitialiserMotDePasseModel(UserManager<RtesUser> userManager, AccountThrottle throttle, UserSessions sessions) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple prenom.nom@collectivite.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(Guid? userId, string? code)
    {
        if (code is null)
        {
            ModelState.AddModelError(string.Empty, "Ce lien est incomplet. Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau.");
            return Page();
        }

        Input.Code = code;
        if (userId is { } id && await userManager.FindByIdAsync(id.ToString()) is { Email: { } email })
        {
            Input.Email = email;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var attempt = throttle.Begin(HttpContext, Input.Email);
        if (attempt.Refused)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        var token = AccountLinks.DecodeToken(Input.Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, new FrenchIdentityErrorDescriber().InvalidToken().Description);
            return Page();
        }

        var result = await userManager.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == CommonPasswordValidator.ErrorCode
                    ? "Input.Password"
                    : string.Empty;
                ModelState.AddModelError(key, error.Description);
            }

            return Page();
        }

        // A reset proves the mailbox and ends a lockout caused by someone else's guesses, and every
        // session opened with the old password (the reset renewed the security stamp).
        attempt.Succeeded();
        await userManager.SetLockoutEndDateAsync(user, null);
        await userManager.ResetAccessFailedCountAsync(user);
        await sessions.DeleteSessionsAsync(user.Id, keep: null, HttpContext.RequestAborted);
        Done = true;
        return Page();
    }
}
