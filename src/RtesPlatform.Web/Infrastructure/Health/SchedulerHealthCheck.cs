using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure.Observability;
using RtesPlatform.Web.Infrastructure.Resilience;

namespace RtesPlatform.Web.Infrastructure.Health;

/// <summary>
/// The job server of this replica (started, and registered with the cluster) and the cluster as a
/// whole (the last occurrence of the <c>cluster-heartbeat</c> job, whichever node ran it). A
/// server not started yet (it starts once the database answers, <see cref="DatabaseGatedJobRunner"/>)
/// is degraded, not unhealthy, so a starting replica is not held out of traffic for it; a server
/// stopped or that could not start is unhealthy; a heartbeat older than
/// <see cref="HealthOptions.HeartbeatStaleAfter"/> is degraded (the site still serves; jobs are late).
/// </summary>
public sealed class SchedulerHealthCheck(
    IServiceProvider services,
    JobStorage storage,
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
        if (services.GetService<DatabaseGatedJobRunner>() is { } runner)
        {
            data["state"] = runner.State.ToString();
            switch (runner.State)
            {
                case JobRunnerState.Waiting:
                    return HealthCheckResult.Degraded("Job server not started yet (it starts once the database answers).", data: data);
                case JobRunnerState.Failed:
                    return HealthCheckResult.Unhealthy("Job server could not start: this replica runs no jobs.", data: data);
                case JobRunnerState.Stopped:
                    return HealthCheckResult.Unhealthy("Job server stopped: this replica runs no jobs.", data: data);
            }

            try
            {
                var server = storage.GetMonitoringApi().Servers()
                    .FirstOrDefault(s => s.Name.StartsWith(runner.ServerName + ":", StringComparison.Ordinal));
                if (server is null)
                {
                    return HealthCheckResult.Degraded("Job server starting: not registered with the cluster yet.", data: data);
                }

                data["node"] = server.Name;
                data["workers"] = server.WorkersCount;
                runningSince = new DateTimeOffset(DateTime.SpecifyKind(server.StartedAt, DateTimeKind.Utc));
            }
            catch (Exception ex) when (DatabaseOutage.Cause(ex) is not null)
            {
                return HealthCheckResult.Unhealthy("Job servers unreadable (database unreachable).", ex, data);
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
        var node = runningSince is null ? "Jobs run by other replicas" : "Job server running";
        if (age is not { } heartbeatAge)
        {
            // A fresh install: the first heartbeat runs within one interval of the first start.
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
