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

    /// <summary>
    /// Failed sign-ins, two-factor codes, resets, token requests (and every reset mail asked for)
    /// per account email within <see cref="RateLimitWindow"/> (<see cref="AccountThrottle"/>).
    /// </summary>
    [Range(1, 10_000)]
    public int RateLimitPerEmail { get; set; } = 10;

    /// <summary>
    /// The same failures per client IP address. A town hall's staff share one address, and
    /// successful sign-ins do not count: 100 failures in 5 minutes is far beyond everyday mistakes.
    /// </summary>
    [Range(1, 100_000)]
    public int RateLimitPerAddress { get; set; } = 100;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(5);
}
