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
}
