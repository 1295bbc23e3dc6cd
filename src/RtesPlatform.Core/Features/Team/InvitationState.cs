namespace RtesPlatform.Core.Features.Team;

/// <summary>What a token found, from the invitee's point of view.</summary>
public enum InvitationState
{
    Unknown,
    Pending,
    Expired,
    Revoked,
    Accepted,
}
