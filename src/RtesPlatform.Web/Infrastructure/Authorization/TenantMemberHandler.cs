using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Checks the membership in the database at each request (scoped: one query per authorized request),
/// so that removing a member or changing a role takes effect at once.
/// </summary>
public sealed class TenantMemberHandler(TenantContext tenantContext, RtesDbContext db) : AuthorizationHandler<TenantMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantMemberRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (tenantContext is not { Tenant: { } tenant, RequiresDatabaseScope: true }
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            context.Fail(new TenantMemberFailureReason(this, TenantMemberFailure.NotAMember));
            return;
        }

        var role = await db.TenantMemberships
            .Where(m => m.TenantId == tenant.Id && m.UserId == userId)
            .Select(m => m.Role)
            .SingleOrDefaultAsync();
        if (role is null)
        {
            context.Fail(new TenantMemberFailureReason(this, TenantMemberFailure.NotAMember));
        }
        else if (requirement.Roles.Contains(role))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new TenantMemberFailureReason(this, TenantMemberFailure.RoleTooLow));
        }
    }
}
