using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Team;

/// <summary>What an invitation token leads to: its state, and for a known token the invitation and its tenant.</summary>
public sealed record InvitationLookup(InvitationState State, Invitation? Invitation, TenantInfo? Tenant)
{
    public static InvitationLookup Unknown { get; } = new(InvitationState.Unknown, null, null);
}
