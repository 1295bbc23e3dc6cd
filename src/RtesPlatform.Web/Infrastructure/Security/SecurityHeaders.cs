using Microsoft.AspNetCore.HttpsPolicy;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// Response headers that every answer carries (pages, error pages, static files, the API), the
/// HSTS policy that <c>UseHsts</c> applies outside development, and (<see cref="MalformedFormGuard"/>)
/// 400 instead of 500 for unreadable form bodies.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style, no framing, no plugin, forms and base URLs to the site only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The same for Hangfire's dashboard only (<see cref="Jobs.JobsDashboardSetup.Path"/>), whose
    /// pages carry a few inline <c>style</c> attributes: inline styles allowed there, never scripts.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Powerful browser features the site never uses, denied to it and to anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>How long browsers remember to use HTTPS only (one year, the usual HSTS preload requirement).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// HSTS for one year, subdomains included; not "preload", a commitment a deployment takes by
    /// itself. Hosts excluded by default (localhost, loopback) stay excluded.
    /// </summary>
    public static WebApplicationBuilder AddRtesSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRtesHsts();
        return builder;
    }

    /// <summary>The HSTS options of <see cref="AddRtesSecurityHeaders"/>, on a service collection.</summary>
    public static IServiceCollection AddRtesHsts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<HstsOptions>(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
            options.Preload = false;
        });
        return services;
    }

    public static WebApplication UseRtesSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            // Set when the response starts, not now: the exception handler clears the headers of a
            // failed response before it renders the error page, which must carry them too.
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                // PathBase too: the dashboard runs in a branch that moves its prefix there.
                Apply(http.Response.Headers, http.Request.PathBase.Add(http.Request.Path).StartsWithSegments(Jobs.JobsDashboardSetup.Path, StringComparison.OrdinalIgnoreCase));
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        app.UseRtesMalformedFormGuard();
        return app;
    }

    private static void Apply(IHeaderDictionary headers, bool dashboard)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = dashboard ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
