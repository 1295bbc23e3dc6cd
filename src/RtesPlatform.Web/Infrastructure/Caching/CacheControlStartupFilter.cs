namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>Puts <see cref="CacheControlMiddleware"/> first, before the error pages and the authorization redirects.</summary>
public sealed class CacheControlStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CacheControlMiddleware>();
        next(app);
    };
}
