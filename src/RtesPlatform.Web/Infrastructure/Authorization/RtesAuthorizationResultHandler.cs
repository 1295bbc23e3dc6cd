using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Turns authorization failures into what a user should see: anonymous users are sent to the
/// sign-in page (default challenge); a network admin without two-factor authentication to its setup;
/// a signed-in user outside a tenant's team gets 404 (the back office of a tenant they do not belong
/// to is not revealed); other refusals get the French 403 page.
/// </summary>
public sealed class RtesAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string TwoFactorSetupPath = "/compte/deux-facteurs";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure is not { } failure)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        if (failure.FailureReasons.OfType<TenantMemberFailureReason>().Any(r => r.Failure == TenantMemberFailure.NotAMember))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (failure.FailedRequirements.Any() && failure.FailedRequirements.All(r => r is TwoFactorRequirement))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{TwoFactorSetupPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
