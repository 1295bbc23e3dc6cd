namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>Structured logs, OpenTelemetry metrics and traces.</summary>
public static class ObservabilitySetup
{
    public static WebApplicationBuilder AddRtesObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>First in the pipeline.</summary>
    public static WebApplication UseRtesObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
