using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>
/// "My home": sends the signed-in person where they start (<see cref="UserHome"/>), or lists their
/// collectivities when they belong to several. Every sign-in, invitation and set-up step without a
/// safe return address ends here (<see cref="Infrastructure.Authorization.RedirectTargets"/>).
/// </summary>
public sealed class AccueilModel(UserHome home) : PageModel
{
    public const string Path = "/compte/accueil";

    public IReadOnlyList<UserWorkspace> Workspaces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return LocalRedirect(UserHome.PublicHome);
        }

        var path = await home.PathAsync(userId, User.IsInRole(NetworkRoles.NetworkAdmin), cancellationToken);
        if (path is not null)
        {
            return LocalRedirect(path);
        }

        Workspaces = await home.WorkspacesAsync(userId, cancellationToken);
        return Page();
    }
}
