using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.ApiTokens;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer rtes_…</c> as the user who created the token, with a
/// claim binding the request to the token's tenant (<see cref="ApiTokenTenantHandler"/> refuses
/// any other tenant; the membership policies then check that the user is still in its team).
/// An unknown, revoked or expired token, or one whose user is gone or locked out, fails: 401.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<RtesUser> users,
    IUserClaimsPrincipalFactory<RtesUser> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = ApiAuthentication.BearerCredential(Request);
        if (!ApiTokenSecrets.LooksLikeToken(credential))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindAsync(credential, Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }

        if (token.StateAt(clock.GetUtcNow()) != ApiTokenState.Active || token.CreatedBy is not { } userId)
        {
            Logger.LogInformation("API token {TokenId} refused: {State}", token.Id, token.StateAt(clock.GetUtcNow()));
            return AuthenticateResult.Fail("Revoked or expired API token.");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The user of this API token cannot sign in.");
        }

        var userPrincipal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(userPrincipal.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ApiAuthentication.TenantClaim, token.TenantId.ToString()));
        identity.AddClaim(new Claim(ApiAuthentication.TokenClaim, token.Id.ToString()));
        identity.AddClaim(new Claim(ApiAuthentication.TokenNameClaim, token.Name));
        await tokens.TouchAsync(token, Context.RequestAborted);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
