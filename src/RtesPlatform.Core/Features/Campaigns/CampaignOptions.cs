using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>Configuration section <c>Campaigns</c>.</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "Campaigns";

    /// <summary>Cron expression (Europe/Paris; five fields, or six with the seconds first) of the daily reminder run.</summary>
    [Required]
    public string RemindersCron { get; set; } = "0 8 * * *";

    /// <summary>Cron expression (Europe/Paris; five fields, or six with the seconds first) of the weekly digest (Monday morning).</summary>
    [Required]
    public string DigestCron { get; set; } = "0 8 * * MON";

    /// <summary>
    /// A reminder claimed longer ago than this and still "sending" was left by a crashed run: the
    /// next run sends to whoever it had not reached yet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan StaleClaimAfter { get; set; } = TimeSpan.FromMinutes(30);
}
