using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>Configuration section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// How often a session's cookie is checked against the account's security stamp: "sign out
    /// everywhere", a password change or a reset end other sessions within this time.
    /// </summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in, reset and two-factor submissions per email address within <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 10_000)]
    public int RateLimitPerEmail { get; set; } = 10;

    /// <summary>The same submissions per client IP address (offices share one address: higher).</summary>
    [Range(1, 10_000)]
    public int RateLimitPerAddress { get; set; } = 30;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(5);
}
