using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// Development only: one account per role, with documented credentials (README, "Development
/// accounts"). In any other environment it creates nothing. Idempotent; runs after the demo tenants.
/// </summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes, IHostEnvironment environment, TimeProvider clock, ILogger<AccountSeeder> logger)
{
    public const string Password = "Demo-RTES-2026!";

    /// <summary>Authenticator key of reseau@rtes.example (base32): add it to an authenticator app.</summary>
    public const string NetworkAdminAuthenticatorKey = "RTESDEVRESEAUDEMOTOTPKEY23456777";

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("reseau@rtes.example", "Équipe RTES (démo)", NetworkRoles.NetworkAdmin, null, null),
        new("admin@la-rochelle.example", "Administratrice La Rochelle (démo)", null, "ca-la-rochelle", TenantRole.Admin),
        new("editeur@la-rochelle.example", "Éditeur La Rochelle (démo)", null, "ca-la-rochelle", TenantRole.Editor),
        new("editeur@est-ensemble.example", "Éditrice Est Ensemble (démo)", null, "est-ensemble", TenantRole.Editor),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            logger.LogInformation("Demo accounts are created in Development only; environment is {Environment}", environment.EnvironmentName);
            return;
        }

        foreach (var account in Accounts)
        {
            var userId = await EnsureUserAsync(account);
            if (account is { TenantSlug: { } slug, TenantRole: { } role })
            {
                await EnsureMembershipAsync(userId, slug, role, cancellationToken);
            }
        }
    }

    private async Task<Guid> EnsureUserAsync(DemoAccount account)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new RtesUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName };
            Check(await users.CreateAsync(user, Password), account.Email);
            logger.LogInformation("Created demo account {UserId}", user.Id);
        }

        if (account.NetworkRole is { } networkRole)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            if (!await roles.RoleExistsAsync(networkRole))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(networkRole)), networkRole);
            }

            if (!await users.IsInRoleAsync(user, networkRole))
            {
                Check(await users.AddToRoleAsync(user, networkRole), account.Email);
            }

            // Two-factor authentication is mandatory for network admins: the demo account gets a
            // fixed, documented authenticator key so that it can sign in at once.
            if (await users.GetAuthenticatorKeyAsync(user) != NetworkAdminAuthenticatorKey)
            {
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", NetworkAdminAuthenticatorKey), account.Email);
            }

            if (!user.TwoFactorEnabled)
            {
                Check(await users.SetTwoFactorEnabledAsync(user, true), account.Email);
            }
        }

        return user.Id;
    }

    private async Task EnsureMembershipAsync(Guid userId, string slug, string role, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            ?? throw new InvalidOperationException($"Demo tenant {slug} is missing: seed the demo network first.");
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));

        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = userId, Role = role, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            membership.Role = role;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {subject}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
