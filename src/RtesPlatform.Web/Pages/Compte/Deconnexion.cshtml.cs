using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>Sign-out of this session; by POST only (a link or an image cannot sign anyone out).</summary>
public sealed class DeconnexionModel(SignInManager<RtesUser> signInManager) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }
}
