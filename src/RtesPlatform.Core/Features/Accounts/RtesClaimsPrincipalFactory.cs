using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// Adds whether two-factor authentication is enabled and the display name. The principal is rebuilt
/// at every security stamp validation, so the claim follows the account.
/// </summary>
public sealed class RtesClaimsPrincipalFactory(
    UserManager<RtesUser> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RtesUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RtesUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AccountClaims.TwoFactorEnabled, "true"));
        }

        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        }

        return identity;
    }
}
