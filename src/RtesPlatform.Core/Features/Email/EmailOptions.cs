using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Email;

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    [Required]
    [EmailAddress]
    public string From { get; set; } = "ne-pas-repondre@rtes.example";

    public string FromName { get; set; } = "Réseau RTES";

    /// <summary>Where messages are written as .eml files when no SMTP host is configured.</summary>
    [Required]
    public string PickupDirectory { get; set; } = ".data/mail";

    /// <summary>
    /// Public address of the site, for links in mails (https://www.rtes.example). Set it outside
    /// development: otherwise links are built from the request's Host header.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>Wait before the second attempt; doubled before each next one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public SmtpOptions Smtp { get; set; } = new();
}
