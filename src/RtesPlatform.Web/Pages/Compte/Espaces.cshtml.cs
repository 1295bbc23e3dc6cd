using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Pages.Compte;

/// <summary>"Mes espaces": the collectivities whose team the signed-in user belongs to.</summary>
[Authorize]
public sealed class EspacesModel(UserTenants userTenants) : PageModel
{
    public IReadOnlyList<UserTenant> Tenants { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tenants = await userTenants.ListAsync(cancellationToken);
}
