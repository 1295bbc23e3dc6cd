using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// The collectivities of the signed-in user (<see cref="CurrentUser"/>): where "Mon espace" leads,
/// where sign-in lands. Row-level security lets a session read its own user's memberships of every
/// tenant (<c>app.user_id</c>). Scoped: one query per request, however many times it is asked.
/// </summary>
public sealed class UserTenants(RtesDbContext db, CurrentUser currentUser)
{
    private IReadOnlyList<UserTenant>? _tenants;

    public async Task<IReadOnlyList<UserTenant>> ListAsync(CancellationToken cancellationToken)
    {
        if (_tenants is not null)
        {
            return _tenants;
        }

        if (currentUser.UserId is not { } userId)
        {
            return _tenants = [];
        }

        _tenants = await db.TenantMemberships.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(m => m.UserId == userId)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { t.Id, t.Slug, t.Name, m.Role })
            .OrderBy(t => t.Name)
            .Select(t => new UserTenant(t.Id, t.Slug, t.Name, t.Role))
            .ToListAsync(cancellationToken);
        return _tenants;
    }

    /// <summary>Where a user lands after signing in: their one collectivity's space, the list of several, or the network console.</summary>
    public async Task<string> HomeAsync(bool isNetworkAdmin, CancellationToken cancellationToken)
    {
        if (isNetworkAdmin)
        {
            return "/reseau";
        }

        var tenants = await ListAsync(cancellationToken);
        return tenants.Count switch
        {
            0 => "/",
            1 => $"/espace/{tenants[0].Slug}",
            _ => "/compte/espaces",
        };
    }
}
