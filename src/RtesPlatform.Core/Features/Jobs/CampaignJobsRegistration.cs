using Microsoft.Extensions.Configuration;
using Quartz;
using RtesPlatform.Core.Features.Campaigns;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The campaign reminder and weekly digest jobs, with their cron triggers (Europe/Paris).</summary>
public static class CampaignJobsRegistration
{
    public static void AddCampaignJobs(IQuartzBuilder q, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(q);
        var options = configuration.GetSection(CampaignOptions.SectionName).Get<CampaignOptions>() ?? new CampaignOptions();
        q.AddJob<CampaignRemindersJob>(j => j.WithIdentity(CampaignJobKeys.Reminders).StoreDurably().WithDescription(
            "Envoie les rappels des campagnes de mise à jour (chaque jour, et à l'ouverture d'une campagne)"));
        q.AddTrigger(t => t
            .WithIdentity("campaign-reminders-daily", JobKeys.Group)
            .ForJob(CampaignJobKeys.Reminders)
            .WithCronSchedule(options.RemindersCron, c => c.InTimeZone(ParisCalendar.Zone)));
        q.AddJob<DigestJob>(j => j.WithIdentity(CampaignJobKeys.WeeklyDigest).StoreDurably().WithDescription(
            "Envoie aux administrateurs du réseau le récapitulatif des publications de la semaine"));
        q.AddTrigger(t => t
            .WithIdentity("weekly-digest-monday", JobKeys.Group)
            .ForJob(CampaignJobKeys.WeeklyDigest)
            .WithCronSchedule(options.DigestCron, c => c.InTimeZone(ParisCalendar.Zone)));
    }
}
