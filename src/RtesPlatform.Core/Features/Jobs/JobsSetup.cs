using System.Linq.Expressions;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Hangfire on PostgreSQL (ADR 0008): storage in the schema <c>hangfire</c> of the platform's
/// database (installed by the <c>migrate</c> command as the owner, <see cref="JobStorageSchema"/>),
/// reached through the application's <see cref="NpgsqlDataSource"/>, with LISTEN/NOTIFY long
/// polling so that a job enqueued anywhere starts at once on a free node. Each feature declares its
/// jobs (<see cref="AddJobKind"/>, <see cref="AddRecurringJob{T}"/>) with their retry policy; the
/// filters and the activator here carry the tenant of the unit of work that created a job.
/// <para>
/// Everything is per service provider, nothing in Hangfire's process-wide <c>JobStorage.Current</c>
/// or <c>GlobalJobFilters</c>: a test process runs many hosts on many databases side by side.
/// </para>
/// </summary>
public static class JobsSetup
{
    public const string SchemaName = "hangfire";

    static JobsSetup()
    {
        // Process-wide by Hangfire's design, and the same for every host: payload format and logging.
        GlobalConfiguration.Configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(HangfireLogBridge.Instance);
    }

    public static IServiceCollection AddRtesJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();

        services.AddSingleton<HangfireLogAttachment>();
        services.AddSingleton<JobStorage>(sp =>
        {
            _ = sp.GetRequiredService<HangfireLogAttachment>();
            return new PostgreSqlStorage(new DataSourceConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>()), StorageOptions(options));
        });
        services.AddSingleton<JobCatalogue>();
        services.AddSingleton<TenantJobFilter>();
        services.AddSingleton<IJobFilterProvider, RtesJobFilterProvider>();
        services.AddSingleton<JobActivator, TenantJobActivator>();
        services.AddSingleton<ITimeZoneResolver, DefaultTimeZoneResolver>();
        services.AddSingleton<IBackgroundJobFactory>(sp => new BackgroundJobFactory(sp.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobStateChanger>(sp => new BackgroundJobStateChanger(sp.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobPerformer>(sp => new BackgroundJobPerformer(
            sp.GetRequiredService<IJobFilterProvider>(), sp.GetRequiredService<JobActivator>()));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(
            sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IBackgroundJobFactory>(), sp.GetRequiredService<IBackgroundJobStateChanger>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(
            sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IBackgroundJobFactory>(), sp.GetRequiredService<ITimeZoneResolver>()));
        services.AddSingleton<RecurringJobsRegistrar>();
        services.AddSingleton<JobsOverview>();
        services.AddHeartbeatJob(options);
        return services;
    }

    /// <summary>The storage's options: no schema change at run time, long polling, a sliding invisibility timeout.</summary>
    public static PostgreSqlStorageOptions StorageOptions(JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PostgreSqlStorageOptions
        {
            SchemaName = SchemaName,
            PrepareSchemaIfNecessary = false,
            EnableLongPolling = true,
            // The fallback when a notification is missed (the listener reconnecting).
            QueuePollInterval = options.QueuePollInterval,
            // A job whose node died is fetched again this long after the node's last sign of
            // life; the running node keeps pushing it forward, so long jobs are not taken twice.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            DistributedLockTimeout = TimeSpan.FromMinutes(10),
            StartupConnectionMaxRetries = 0,
        };
    }

    /// <summary>The options of this node's Hangfire server (the web host runs one, <see cref="JobsOptions.RunScheduler"/>).</summary>
    public static BackgroundJobServerOptions ServerOptions(IServiceProvider services, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return new BackgroundJobServerOptions
        {
            WorkerCount = options.Workers,
            SchedulePollingInterval = options.SchedulePollingInterval,
            HeartbeatInterval = options.ServerHeartbeatInterval,
            ServerCheckInterval = options.ServerHeartbeatInterval,
            ServerTimeout = options.ServerHeartbeatInterval * 4,
            FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
            Activator = services.GetRequiredService<JobActivator>(),
            TimeZoneResolver = services.GetRequiredService<ITimeZoneResolver>(),
        };
    }

    /// <summary>Declares a kind of job (its feature's <c>AddXxxJobs</c>); a job of an undeclared kind is refused at enqueue.</summary>
    public static JobKind AddJobKind(this IServiceCollection services, JobKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        services.AddSingleton(kind);
        return kind;
    }

    /// <summary>Declares a recurring job of <paramref name="kind"/>; every node stores it at start.</summary>
    public static IServiceCollection AddRecurringJob<T>(
        this IServiceCollection services, string id, JobKind kind, string cron, Expression<Func<T, Task>> call,
        MisfireHandlingMode misfire = MisfireHandlingMode.Relaxed)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var job = Job.FromExpression(call);
        if (!kind.Matches(job))
        {
            throw new InvalidOperationException($"The recurring job {id} calls {job.Type.Name}.{job.Method.Name}, not its kind {kind.Key}.");
        }

        services.AddSingleton(new RecurringJobDefinition(id, kind, cron, job, misfire));
        return services;
    }

    /// <summary>Declares a job of <paramref name="kind"/> that every node enqueues as it starts.</summary>
    public static IServiceCollection AddJobAtNodeStart<T>(this IServiceCollection services, JobKind kind, Expression<Func<T, Task>> call)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var job = Job.FromExpression(call);
        if (!kind.Matches(job))
        {
            throw new InvalidOperationException($"The start job calls {job.Type.Name}.{job.Method.Name}, not its kind {kind.Key}.");
        }

        services.AddSingleton(new NodeStartJob(kind, job));
        return services;
    }
}
