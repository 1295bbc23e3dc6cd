using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RtesPlatform.Web.Infrastructure.Health;

/// <summary>
/// Liveness and readiness endpoints. <c>/health/live</c> runs no check (the process answers: a
/// database outage must not make an orchestrator restart every replica); <c>/health/ready</c>
/// checks the database (reachable, every migration applied) and the job scheduler, and answers
/// JSON, 503 when a check is unhealthy (degraded still takes traffic).
/// </summary>
public static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddRtesHealth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(10));
        return builder;
    }

    public static WebApplication MapRtesHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
