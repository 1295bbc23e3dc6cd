using Microsoft.Extensions.Logging.Console;

namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>
/// Structured logs (one JSON object per line on standard output, UTC timestamps, scopes with the
/// request, tenant and user ids; a readable single-line format when
/// <c>Logging:Console:FormatterName</c> is <c>simple</c>, as in Development), the request-id and
/// request-completion middleware, and OpenTelemetry traces and metrics when configured.
/// </summary>
public static class ObservabilitySetup
{
    public const string FormatterNameKey = "Logging:Console:FormatterName";

    public static WebApplicationBuilder AddRtesObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var formatter = builder.Configuration[FormatterNameKey] is { Length: > 0 } configured ? configured : ConsoleFormatterNames.Json;

        // Console only: the Debug and EventSource providers of the default builder add nothing in a container.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = formatter);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = true;
            options.SingleLine = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.AddRtesOpenTelemetry();
        return builder;
    }

    /// <summary>First in the pipeline.</summary>
    public static WebApplication UseRtesObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRtesOpenTelemetry();
        app.UseMiddleware<RequestLoggingMiddleware>();
        return app;
    }
}
