using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The cluster heartbeat (<see cref="HeartbeatJob"/>), every <see cref="JobsOptions.HeartbeatInterval"/>.</summary>
internal static class HeartbeatJobRegistration
{
    public static IServiceCollection AddHeartbeatJob(this IServiceCollection services, JobsOptions options)
    {
        var kind = services.AddJobKind(HeartbeatJob.Kind);
        // A missed occurrence (no node up) is skipped, not caught up: the heartbeat tells the present.
        return services.AddRecurringJob<HeartbeatJob>(HeartbeatJob.RecurringId, kind, JobSchedules.Every(options.HeartbeatInterval),
            j => j.RunAsync(null, CancellationToken.None), MisfireHandlingMode.Ignorable);
    }
}
