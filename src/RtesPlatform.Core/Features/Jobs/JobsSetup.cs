using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Quartz.NET 4 on PostgreSQL (ADR 0003): persistent ADO.NET store in the platform's database
/// (tables from the Jobs migration), clustered (every web instance is a node; a firing runs on
/// one node; a dead node's firings are recovered), System.Text.Json job data, execution history
/// kept in the store, failed firings retried with exponential backoff.
/// </summary>
public static class JobsSetup
{
    /// <summary>Retry of a failed firing: 5 more attempts, 30 s, 1 min, 2 min, 4 min, 8 min (capped at 30 min).</summary>
    public static RetryPolicy DefaultRetry { get; } = RetryPolicy.Exponential(5, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(30));

    public static IServiceCollection AddRtesJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AggregateRefreshRequests>();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "rtes";
                s.GenerateInstanceId = true;
                // A trigger stored by another node (a publication elsewhere) is seen within this time.
                s.IdleWaitTime = options.IdleWaitTime;
            });
            q.UseDefaultThreadPool(options.Workers);
            q.UseDefaultRetryPolicy(DefaultRetry);
            q.UsePersistentStore(store =>
            {
                store.UseDataSource(ds =>
                {
                    ds.Provider = DataSourceOptions.Providers.Npgsql;
                    ds.UseRegisteredDataSource = true;
                });
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = "qrtz_";
                    // A firing cut short by a normal shutdown (a rolling deployment) is run again,
                    // as one lost in a crash is: recoverable jobs resume where they stopped.
                    o.RecoverFiringsCancelledByShutdown = true;
                });
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = options.ClusterCheckinInterval;
                    c.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                });
                store.UseExecutionHistory();
            });

            q.AddJob<RefreshQueuedAggregatesJob>(j => j.WithIdentity(JobKeys.AggregatesRefresh).StoreDurably().WithDescription(
                "Recalcule les statistiques de comparaison touchées par les dernières écritures"));
            q.AddTrigger(t => t
                .WithIdentity("aggregates-sweep", JobKeys.Group)
                .ForJob(JobKeys.AggregatesRefresh)
                .WithSimpleSchedule(s => s.WithInterval(options.AggregateSweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<RefreshAllAggregatesJob>(j => j.WithIdentity(JobKeys.AggregatesNightly).StoreDurably().WithDescription(
                "Recalcule toutes les statistiques de comparaison (chaque nuit)"));
            q.AddTrigger(t => t
                .WithIdentity("aggregates-nightly", JobKeys.Group)
                .ForJob(JobKeys.AggregatesNightly)
                .WithCronSchedule(options.NightlyAggregatesCron, c => c.InTimeZone(ParisTime())));
            q.AddImportJobs(configuration.GetSection(ImportJobOptions.SectionName).Get<ImportJobOptions>() ?? new ImportJobOptions());
            CampaignJobsRegistration.AddCampaignJobs(q, configuration);
            OpenDataJobsRegistration.Add(q, options);
        });
        // Every node declares the same recurring triggers at start. Replacing a stored trigger while
        // another node holds it let two schedules run side by side (seen in the two-node test:
        // a 1 s heartbeat firing twice per second). A declared trigger already stored is kept as
        // it is; a changed schedule is applied by deleting its row (docs/architecture.md).
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddQuartzExecutionHistory(h =>
        {
            h.Retention = TimeSpan.FromDays(7);
            h.MaxEntriesPerJob = 200;
        });
        return services;
    }

    /// <summary>
    /// Runs the scheduler in this host (the web host: every instance is a node of the cluster),
    /// unless <c>Jobs:RunScheduler</c> is false. Commands and tests without a host only schedule.
    /// </summary>
    public static IServiceCollection AddRtesJobRunner(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (options.RunScheduler)
        {
            services.AddQuartzHostedService(h =>
            {
                h.WaitForJobsToComplete = true;
                h.AwaitApplicationStarted = true;
            });
        }

        return services;
    }

    private static TimeZoneInfo ParisTime() => ParisCalendar.Zone;
}
