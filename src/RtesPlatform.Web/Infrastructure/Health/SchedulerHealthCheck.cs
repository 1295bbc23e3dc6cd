using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure.Observability;

namespace RtesPlatform.Web.Infrastructure.Health;

/// <summary>
/// The job scheduler of this replica (running, clustered) and of the cluster as a whole (the last
/// firing of the <c>cluster-heartbeat</c> job, whichever node ran it). A scheduler in standby or
/// shut down is unhealthy; a heartbeat older than <see cref="HealthOptions.HeartbeatStaleAfter"/>
/// is degraded (the site still serves; jobs are late). A scheduler not started yet (it starts
/// once the application has started) is degraded, not unhealthy, so a starting replica is not
/// held out of traffic for it.
/// </summary>
public sealed class SchedulerHealthCheck(
    ISchedulerFactory schedulers,
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
            var scheduler = await schedulers.GetScheduler(cancellationToken);
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

    /// <summary>Measured on the database's clock: replicas' clocks may differ, the heartbeats were stamped by several.</summary>
    private async Task<TimeSpan?> LastHeartbeatAgeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT greatest(now() - fired_at, interval '0') FROM job_heartbeats ORDER BY scheduled_fire_time DESC LIMIT 1");
        return await command.ExecuteScalarAsync(cancellationToken) is TimeSpan age ? age : null;
    }
}
