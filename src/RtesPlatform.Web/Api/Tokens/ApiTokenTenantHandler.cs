using Microsoft.AspNetCore.Authorization;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Api.Tokens;

/// <summary>
/// Refuses a personal token on another tenant's routes as a non-member is refused (404: the other
/// tenant's workspace is not revealed), before anything is read or written there.
/// </summary>
public sealed class ApiTokenTenantHandler(TenantContext tenantContext) : AuthorizationHandler<ApiTokenTenantRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiTokenTenantRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bound = context.User.FindFirst(ApiAuthentication.TenantClaim)?.Value;
        if (bound is null || (Guid.TryParse(bound, out var tenantId) && tenantContext.TenantId == tenantId))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new TenantMemberFailureReason(this, TenantMemberFailure.NotAMember));
        }

        return Task.CompletedTask;
    }
}
