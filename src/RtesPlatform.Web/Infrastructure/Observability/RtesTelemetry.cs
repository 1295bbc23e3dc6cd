using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>
/// The application's own trace source and meter, both named <c>RtesPlatform</c>: exported with the
/// framework's when OpenTelemetry is configured, free when nothing listens.
/// </summary>
public static class RtesTelemetry
{
    public const string Name = "RtesPlatform";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>Requests by area of the site (public, back office, network console, API…), for traffic at a glance.</summary>
    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>(
        "rtes.requests", unit: "{request}", description: "Requests served, by area of the site and status class.");

    private static double? _heartbeatAgeSeconds;

    /// <summary>Age of the job cluster's last heartbeat, as the readiness check last saw it.</summary>
    public static ObservableGauge<double> HeartbeatAge { get; } = Meter.CreateObservableGauge(
        "rtes.jobs.heartbeat.age",
        () => _heartbeatAgeSeconds is { } age ? [new Measurement<double>(age)] : Array.Empty<Measurement<double>>(),
        unit: "s",
        description: "Seconds since the last firing of the cluster-heartbeat job, as last read by /health/ready.");

    internal static void RecordHeartbeatAge(TimeSpan? age) => _heartbeatAgeSeconds = age?.TotalSeconds;
}
