using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// Where a signed-in person starts — the one decision every "home" link and every fallback
/// redirect uses: a network admin, the network console; an officer of one collectivity, its back
/// office; an officer of several, the list of them; anyone else, the public home page. Reads the
/// person's own memberships (row-level security lets a user see them through <c>app.user_id</c>:
/// call it in a request where <see cref="CurrentUser"/> is that person).
/// </summary>
public sealed class UserHome(RtesDbContext db)
{
    public const string NetworkConsole = "/reseau";
    public const string PublicHome = "/";

    /// <summary>The collectivities whose team the user is in (active ones), by name.</summary>
    public async Task<IReadOnlyList<UserWorkspace>> WorkspacesAsync(Guid userId, CancellationToken cancellationToken) =>
        await (from m in db.TenantMemberships.IgnoreQueryFilters([RtesDbContext.TenantFilter])
               join t in db.Tenants on m.TenantId equals t.Id
               where m.UserId == userId && t.Status == TenantStatus.Active
               orderby t.Name
               select new UserWorkspace(t.Slug, t.Name, m.Role))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    /// <summary>The home path; null for an officer of several collectivities (show them the list).</summary>
    public async Task<string?> PathAsync(Guid userId, bool isNetworkAdmin, CancellationToken cancellationToken)
    {
        if (isNetworkAdmin)
        {
            return NetworkConsole;
        }

        var workspaces = await WorkspacesAsync(userId, cancellationToken);
        return workspaces.Count switch
        {
            0 => PublicHome,
            1 => $"/espace/{workspaces[0].Slug}",
            _ => null,
        };
    }
}
