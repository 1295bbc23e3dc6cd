using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>
/// "My home": sends the signed-in person where they start (<see cref="UserTenants.HomeAsync"/>: the
/// network console, their collectivity's space, the list of several, or the public home). The
/// fallback of every redirect target that is not safe (<see cref="Infrastructure.Authorization.RedirectTargets"/>)
/// where the person is not at hand (the two-factor set-up's "Continuer" link).
/// </summary>
public sealed class AccueilModel(UserTenants tenants) : PageModel
{
    public const string Path = "/compte/accueil";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        LocalRedirect(User.Identity?.IsAuthenticated == true
            ? await tenants.HomeAsync(User.IsInRole(NetworkRoles.NetworkAdmin), cancellationToken)
            : "/");
}
