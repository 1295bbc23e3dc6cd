using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using Quartz.Extensibility;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure.Observability;
using RtesPlatform.Web.Infrastructure.Resilience;

namespace RtesPlatform.Web.Infrastructure.Health;

/// <summary>
/// The job scheduler of this replica (running, clustered) and of the cluster as a whole (the last
/// firing of the <c>cluster-heartbeat</c> job, whichever node ran it). A scheduler in standby or
/// shut down is unhealthy; a heartbeat older than <see cref="HealthOptions.HeartbeatStaleAfter"/>
/// is degraded (the site still serves; jobs are late). A scheduler not started yet (it starts
/// once the application has started and the database answers, <see cref="DatabaseGatedJobRunner"/>)
/// is degraded, not unhealthy, so a starting replica is not held out of traffic for it.
/// <para>
/// The scheduler is only looked up in Quartz's repository, never asked of the
/// <see cref="ISchedulerFactory"/>: the factory builds the scheduler when none exists, and a build
/// while the database is down fails its store's schema check, after which Quartz shuts that
/// scheduler down for good and refuses to hand one out again. A readiness probe during an outage
/// at start-up would thus have kept the job runner from ever starting, and readiness at 503.
/// </para>
/// </summary>
public sealed class SchedulerHealthCheck(
    ISchedulerRepository repository,
    IServiceProvider services,
    NpgsqlDataSource dataSource,
    IOptions<JobsOptions> jobs,
    IOptions<HealthOptions> health) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var activity = RtesTelemetry.ActivitySource.StartActivity("health scheduler");
        var data = new Dictionary<string, object>();
        var staleAfter = health.Value.HeartbeatStaleAfter ?? jobs.Value.HeartbeatInterval * 3;
        data["heartbeatStaleAfterSeconds"] = staleAfter.TotalSeconds;
        DateTimeOffset? runningSince = null;
        if (jobs.Value.RunScheduler)
        {
            if (repository.Lookup(JobsOverview.SchedulerName) is not { } scheduler)
            {
                return NoLiveScheduler(data);
            }

            var status = await scheduler.GetStatus(cancellationToken);
            var metadata = await scheduler.GetMetadata(cancellationToken);
            data["node"] = scheduler.SchedulerInstanceId;
            data["state"] = status.ToString();
            data["clustered"] = metadata.JobStoreClustered;
            runningSince = metadata.RunningSince;
            switch (status)
            {
                case SchedulerStatus.Created or SchedulerStatus.Unknown:
                    return HealthCheckResult.Degraded("Job scheduler not started yet.", data: data);
                case not SchedulerStatus.Running:
                    return HealthCheckResult.Unhealthy($"Job scheduler {status.ToString().ToLowerInvariant()}: this replica runs no jobs.", data: data);
                case SchedulerStatus.Running when !metadata.JobStoreClustered:
                    return HealthCheckResult.Unhealthy("Job scheduler not clustered: jobs would run on every replica.", data: data);
            }
        }
        else
        {
            data["state"] = "not run by this replica (Jobs:RunScheduler = false)";
        }

        TimeSpan? age;
        try
        {
            age = await LastHeartbeatAgeAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy("Job heartbeats unreadable (database unreachable).", ex, data);
        }

        RtesTelemetry.RecordHeartbeatAge(age);
        var node = jobs.Value.RunScheduler ? "Job scheduler running, clustered" : "Jobs run by other replicas";
        if (age is not { } heartbeatAge)
        {
            // A fresh install: the first heartbeat fires within one interval of the first start.
            return runningSince is { } since && DateTimeOffset.UtcNow - since > staleAfter
                ? HealthCheckResult.Degraded($"{node}; no heartbeat recorded since it started {since:O}.", data: data)
                : HealthCheckResult.Healthy($"{node}; waiting for the first heartbeat.", data);
        }

        data["heartbeatAgeSeconds"] = Math.Round(heartbeatAge.TotalSeconds, 1);
        return heartbeatAge > staleAfter
            ? HealthCheckResult.Degraded($"{node}; last heartbeat {heartbeatAge.TotalSeconds:F0} s ago (stale after {staleAfter.TotalSeconds:F0} s).", data: data)
            : HealthCheckResult.Healthy($"{node}; last heartbeat {heartbeatAge.TotalSeconds:F0} s ago.", data);
    }

    /// <summary>
    /// No live scheduler in the repository (Quartz drops one that was shut down): not built yet
    /// while the job runner waits for the database, or gone for good.
    /// </summary>
    private HealthCheckResult NoLiveScheduler(Dictionary<string, object> data)
    {
        var runner = services.GetService<DatabaseGatedJobRunner>();
        data["state"] = runner?.State.ToString() ?? "NotBuilt";
        return runner?.State switch
        {
            JobRunnerState.Failed => HealthCheckResult.Unhealthy("Job scheduler could not start: this replica runs no jobs.", data: data),
            JobRunnerState.Started => HealthCheckResult.Unhealthy("Job scheduler shut down: this replica runs no jobs.", data: data),
            _ => HealthCheckResult.Degraded("Job scheduler not started yet (it starts once the database answers).", data: data),
        };
    }

    /// <summary>Measured on the database's clock: replicas' clocks may differ, the heartbeats were stamped by several.</summary>
    private async Task<TimeSpan?> LastHeartbeatAgeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT greatest(now() - fired_at, interval '0') FROM job_heartbeats ORDER BY scheduled_fire_time DESC LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is TimeSpan age ? age : null;
    }
}
