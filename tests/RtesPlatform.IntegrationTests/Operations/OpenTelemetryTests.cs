using System.Net;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>
/// Traces and metrics leave the application over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is
/// set, and nothing leaves when it is not.
/// </summary>
public sealed class OpenTelemetryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task EndpointConfigured_TracesAndMetricsReachTheCollector()
    {
        await using var collector = await FakeOtlpReceiver.StartAsync();
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        using var client = app.CreateClient();

        // Exports are batched: make requests until everything expected has arrived (bounded).
        for (var attempt = 0; attempt < 100 && !Arrived(collector); attempt++)
        {
            foreach (var url in new[] { "/", "/collectivites", "/donnees-ouvertes" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }

            await Task.Delay(300);
        }

        collector.Count("/v1/traces").ShouldBeGreaterThan(0, "trace exports");
        collector.Count("/v1/metrics").ShouldBeGreaterThan(0, "metric exports");
        var traces = collector.Text("/v1/traces");
        traces.ShouldContain("rtes-platform", customMessage: "service.name resource attribute");
        traces.ShouldContain("service.instance.id");
        traces.ShouldContain("Microsoft.AspNetCore", customMessage: "server spans");
        traces.ShouldContain("Npgsql", customMessage: "database spans");
        var metrics = collector.Text("/v1/metrics");
        metrics.ShouldContain("http.server.request.duration");
        metrics.ShouldContain("rtes.requests", customMessage: "the application's own meter");
        metrics.ShouldContain("dotnet.gc.collections", customMessage: "the runtime's meter");
    }

    [Fact]
    public async Task EndpointNotConfigured_NothingIsSent()
    {
        await using var collector = await FakeOtlpReceiver.StartAsync();
        // Every other exporter setting points at the collector: only the endpoint switches export on.
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = new Uri(collector.Endpoint, "v1/traces").ToString(),
            ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = new Uri(collector.Endpoint, "v1/metrics").ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        using var client = app.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(200);
        }

        // Ten metric intervals have passed: an exporter would have sent something by now.
        collector.Count("/v1/traces").ShouldBe(0);
        collector.Count("/v1/metrics").ShouldBe(0);
    }

    private static readonly string[] _expectedInTraces = ["rtes-platform", "service.instance.id", "Microsoft.AspNetCore", "Npgsql"];
    private static readonly string[] _expectedInMetrics = ["http.server.request.duration", "rtes.requests", "dotnet.gc.collections"];

    private static bool Arrived(FakeOtlpReceiver collector) =>
        collector.Text("/v1/traces") is var traces && _expectedInTraces.All(t => traces.Contains(t, StringComparison.Ordinal))
        && collector.Text("/v1/metrics") is var metrics && _expectedInMetrics.All(m => metrics.Contains(m, StringComparison.Ordinal));
}
