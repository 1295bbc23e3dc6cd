namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>Behaviour while the database is unreachable or the process restarts.</summary>
public static class ResilienceSetup
{
    public static WebApplicationBuilder AddRtesResilience(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
