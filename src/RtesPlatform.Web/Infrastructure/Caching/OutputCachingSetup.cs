namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>Output caching of public pages and public API reads.</summary>
public static class OutputCachingSetup
{
    public static WebApplicationBuilder AddRtesOutputCaching(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }

    /// <summary>After authentication (a signed-in request is never served from the cache).</summary>
    public static WebApplication UseRtesOutputCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app;
    }
}
