using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Campaigns;

public static class CampaignServices
{
    public static IServiceCollection AddRtesCampaigns(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>()
            .BindConfiguration(CampaignOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CampaignOpener>();
        services.AddScoped<CampaignReminderSender>();
        services.AddScoped<TenantReminder>();
        services.AddScoped<CampaignMails>();
        services.AddScoped<CampaignVisits>();
        services.AddScoped<CampaignDashboard>();
        services.AddScoped<CampaignReach>();
        services.AddScoped<WeeklyDigest>();
        services.AddScoped<CampaignJobRequests>();
        return services;
    }

    /// <summary>The reminder run (daily, and when a campaign opens) and the weekly digest, Europe/Paris.</summary>
    public static IServiceCollection AddCampaignJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CampaignOptions.SectionName).Get<CampaignOptions>() ?? new CampaignOptions();
        var reminders = services.AddJobKind(CampaignRemindersJob.Kind);
        services.AddRecurringJob<CampaignRemindersJob>(CampaignRemindersJob.DailyId, reminders, options.RemindersCron,
            j => j.RunAsync(CancellationToken.None));
        var digest = services.AddJobKind(WeeklyDigestJob.Kind);
        return services.AddRecurringJob<WeeklyDigestJob>(WeeklyDigestJob.WeeklyId, digest, options.DigestCron,
            j => j.RunAsync(CancellationToken.None));
    }
}
