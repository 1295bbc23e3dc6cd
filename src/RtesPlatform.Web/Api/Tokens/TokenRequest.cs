namespace RtesPlatform.Web.Api.Tokens;

/// <summary>The body of <c>POST /api/v1/auth/token</c>: the account's credentials, and its second factor when it has one.</summary>
public sealed record TokenRequest
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    /// <summary>The 6-digit code of the authenticator app, for an account with two-factor authentication.</summary>
    public string? TwoFactorCode { get; init; }
    /// <summary>A recovery code instead of <see cref="TwoFactorCode"/> (single use).</summary>
    public string? TwoFactorRecoveryCode { get; init; }
}
