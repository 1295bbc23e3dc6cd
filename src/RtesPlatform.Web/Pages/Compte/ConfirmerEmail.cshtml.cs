using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Confirms the email address from the link of the confirmation mail.</summary>
public sealed class ConfirmerEmailModel(UserManager<RtesUser> userManager) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        if (userId is not { } id || token is null || await userManager.FindByIdAsync(id.ToString()) is not { } user)
        {
            return;
        }

        Confirmed = (await userManager.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
