using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Asks for a reset link. The answer is the same whether or not the account exists.</summary>
public sealed class MotDePasseOublieModel(
    UserManager<RtesUser> userManager, AccountMails mails, IOptions<EmailOptions> emailOptions, AccountThrottle throttle)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse e-mail valide, par exemple prenom.nom@collectivite.fr.")]
        public string Email { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Every request counts (each may send a mail), whether or not the account exists.
        if (throttle.Begin(HttpContext, Input.Email).Refused)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await userManager.FindByEmailAsync(Input.Email.Trim());
        if (user is { EmailConfirmed: true })
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var link = AccountLinks.Absolute(emailOptions.Value, "/compte/reinitialiser-mot-de-passe",
                new Dictionary<string, string?> { ["userId"] = user.Id.ToString(), ["code"] = AccountLinks.EncodeToken(token) });
            await mails.SendPasswordResetAsync(user, link, HttpContext.RequestAborted);
        }

        Sent = true;
        return Page();
    }
}
