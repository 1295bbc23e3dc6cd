using Microsoft.AspNetCore.Authorization;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// The account has two-factor authentication enabled (claim set from the account, refreshed at each
/// security stamp validation) or the session was opened with a second factor (<c>amr=mfa</c>).
/// A signed-in user who fails only this requirement is sent to the two-factor setup page.
/// </summary>
public sealed class TwoFactorRequirement : AuthorizationHandler<TwoFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.HasClaim(AccountClaims.TwoFactorEnabled, "true")
            || context.User.HasClaim(AccountClaims.AuthenticationMethod, AccountClaims.MultiFactor))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
