using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using RtesPlatform.Web.Api.Officer;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// Authorization refusals under <c>/api</c> answer ProblemDetails: 401 (after the bearer schemes'
/// challenge, never a redirect to the sign-in page), 404 outside the tenant's team (as the back
/// office does) or 403. Other requests go to the site's <see cref="RtesAuthorizationResultHandler"/>.
/// </summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly RtesAuthorizationResultHandler _site = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!ApiAuthentication.IsApiRequest(context.Request) || authorizeResult.Succeeded)
        {
            await _site.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            foreach (var scheme in policy.AuthenticationSchemes.DefaultIfEmpty(ApiAuthentication.SelectorScheme))
            {
                await context.ChallengeAsync(scheme);
            }

            await OfficerProblems.Status(StatusCodes.Status401Unauthorized,
                "Présentez un jeton valide dans l’en-tête Authorization: Bearer (jeton personnel rtes_… ou jeton obtenu par POST /api/v1/auth/token).")
                .ExecuteAsync(context);
            return;
        }

        var notAMember = authorizeResult.AuthorizationFailure?.FailureReasons
            .OfType<TenantMemberFailureReason>().Any(r => r.Failure == TenantMemberFailure.NotAMember) == true;
        await (notAMember
            ? OfficerProblems.Status(StatusCodes.Status404NotFound, "Aucun espace de collectivité accessible à cette adresse.")
            : OfficerProblems.Status(StatusCodes.Status403Forbidden, "Votre rôle dans cette collectivité ne permet pas cette action."))
            .ExecuteAsync(context);
    }
}
