namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// The last authenticator code accepted for an account (table <c>authenticator_uses</c>): its
/// 30-second time step. A code of that step or an earlier one is refused, on the sign-in page, the
/// token endpoint and the set-up page alike (SingleUseAuthenticatorTokenProvider).
/// Kept apart from the user row, which Identity rewrites whole: a stale copy could not move it back.
/// </summary>
public sealed class AuthenticatorUse
{
    public Guid UserId { get; set; }

    public long LastStep { get; set; }

    public DateTimeOffset UsedAt { get; set; }
}
