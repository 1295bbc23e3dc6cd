using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// What every back-office page shares: the tenant's slug from the URL (the tenant itself was
/// resolved, with tenant access, by <c>TenantResolutionMiddleware</c>) and the signed-in user.
/// </summary>
public abstract class EspacePageModel : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    protected AuthoringUser CurrentUser =>
        new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name);

    protected static int CurrentYear(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().Year;
    }
}
