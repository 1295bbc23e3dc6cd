using Microsoft.AspNetCore.Authorization;
using RtesPlatform.Core.Features.Accounts;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// The user is a member, with one of <see cref="Roles"/>, of the tenant resolved from the URL
/// (<c>/espace/{slug}</c>, in the scoped TenantContext). Network admins get no implicit access.
/// </summary>
public sealed class TenantMemberRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;

    public static TenantMemberRequirement Editor { get; } = new(TenantRole.Editor, TenantRole.Admin);

    public static TenantMemberRequirement Admin { get; } = new(TenantRole.Admin);
}
