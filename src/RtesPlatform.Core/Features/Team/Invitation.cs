using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Team;

/// <summary>
/// An invitation to join a tenant's team, sent by e-mail. Only the SHA-256 of its token is kept:
/// the token itself is in the mail and nowhere else. Single use, expiring, revocable.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; init; }
    public required string Email { get; init; }
    /// <summary><see cref="Accounts.TenantRole.Admin"/> or <see cref="Accounts.TenantRole.Editor"/>.</summary>
    public required string Role { get; init; }
    public required byte[] TokenHash { get; init; }
    /// <summary>The user who sent it (a tenant admin or a network admin).</summary>
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsPending(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
