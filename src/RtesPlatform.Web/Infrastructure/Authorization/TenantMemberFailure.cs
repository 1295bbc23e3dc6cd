namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>Why <see cref="TenantMemberRequirement"/> failed: it decides between 404 and 403.</summary>
public enum TenantMemberFailure
{
    /// <summary>No tenant, or the user is not in its team: answer 404 (do not reveal the back office).</summary>
    NotAMember,

    /// <summary>A member whose role is not enough (an editor on an admin page): 403.</summary>
    RoleTooLow,
}
