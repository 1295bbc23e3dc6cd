using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>The aggregate jobs: refresh soon after a write, the sweep, the nightly full refresh.</summary>
public static class IndicatorJobs
{
    public static IServiceCollection AddIndicatorJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndicatorJobOptions>()
            .BindConfiguration(IndicatorJobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(IndicatorJobOptions.SectionName).Get<IndicatorJobOptions>() ?? new IndicatorJobOptions();
        services.AddSingleton<IndicatorAggregateRefresher>();
        services.AddScoped<AggregateRefreshRequests>();

        var queued = services.AddJobKind(RefreshQueuedAggregatesJob.Kind);
        services.AddRecurringJob<RefreshQueuedAggregatesJob>(RefreshQueuedAggregatesJob.SweepId, queued,
            JobSchedules.Every(options.AggregateSweepInterval), j => j.RunAsync(CancellationToken.None));
        var all = services.AddJobKind(RefreshAllAggregatesJob.Kind);
        return services.AddRecurringJob<RefreshAllAggregatesJob>(RefreshAllAggregatesJob.NightlyId, all,
            options.NightlyAggregatesCron, j => j.RunAsync(CancellationToken.None));
    }
}
