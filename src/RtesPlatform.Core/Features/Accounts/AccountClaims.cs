namespace RtesPlatform.Core.Features.Accounts;

/// <summary>Claims the platform adds to a signed-in user's principal.</summary>
public static class AccountClaims
{
    /// <summary>Present ("true") when the account has two-factor authentication enabled.</summary>
    public const string TwoFactorEnabled = "rtes:2fa";

    /// <summary>Authentication method reference; "mfa" after a two-factor sign-in (set by Identity).</summary>
    public const string AuthenticationMethod = "amr";

    public const string MultiFactor = "mfa";

    public const string DisplayName = "rtes:display_name";
}
