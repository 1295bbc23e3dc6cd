using System.Globalization;
using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>
/// Traces and metrics exported with OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (as an
/// environment variable or any configuration source); nothing at all otherwise: no provider, no
/// listener, no exporter. The providers are built with the SDK directly (no hosting package) and
/// registered as singletons, so the container flushes and disposes them at shutdown. The
/// exporter reads the standard <c>OTEL_*</c> variables (protocol, headers, export intervals,
/// service name) from the application's configuration.
/// </summary>
public static class OpenTelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "rtes-platform";

    /// <summary>Spans of the framework (server requests), of Npgsql (every command), of the jobs (one span per run) and our own.</summary>
    public static readonly string[] ActivitySources =
        ["Microsoft.AspNetCore", "Npgsql", JobTelemetry.ActivitySourceName, RtesTelemetry.Name];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Http.Connections",
        "System.Runtime", "System.Net.Http", "Npgsql", RtesTelemetry.Name,
    ];

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointKey]);

    public static WebApplicationBuilder AddRtesOpenTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration))
        {
            return builder;
        }

        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;
        var version = typeof(OpenTelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "unknown";
        // One id per process: two replicas on one host (or a restarted pod) are told apart.
        var instanceId = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        void Resource(ResourceBuilder resource) => resource.AddService(serviceName, serviceVersion: version, serviceInstanceId: instanceId)
            .AddAttributes([new("deployment.environment.name", builder.Environment.EnvironmentName)]);

        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
            .ConfigureResource(Resource)
            .AddSource(ActivitySources)
            .AddOtlpExporter()
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .ConfigureServices(services => services.AddSingleton<IConfiguration>(configuration))
            .ConfigureResource(Resource)
            .AddMeter(Meters)
            .AddOtlpExporter()
            .Build());
        return builder;
    }

    /// <summary>Builds the providers before the first request (they are singletons, created on first use).</summary>
    public static WebApplication UseRtesOpenTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (IsEnabled(app.Configuration))
        {
            _ = app.Services.GetRequiredService<TracerProvider>();
            _ = app.Services.GetRequiredService<MeterProvider>();
        }

        return app;
    }
}
