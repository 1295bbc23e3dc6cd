using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The campaign and digest jobs (group "rtes", like <see cref="JobKeys"/>).</summary>
public static class CampaignJobKeys
{
    public static JobKey Reminders { get; } = new("campaign-reminders", JobKeys.Group);
    public static JobKey WeeklyDigest { get; } = new("weekly-digest", JobKeys.Group);
}
