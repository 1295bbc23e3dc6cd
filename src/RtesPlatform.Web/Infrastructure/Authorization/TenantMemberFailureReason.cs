using Microsoft.AspNetCore.Authorization;

namespace RtesPlatform.Web.Infrastructure.Authorization;

public sealed class TenantMemberFailureReason(IAuthorizationHandler handler, TenantMemberFailure failure)
    : AuthorizationFailureReason(handler, failure.ToString())
{
    public TenantMemberFailure Failure { get; } = failure;
}
