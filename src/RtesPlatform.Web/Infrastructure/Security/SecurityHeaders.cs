namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>Response headers that every answer carries.</summary>
public static class SecurityHeaders
{
    public static WebApplication UseRtesSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next(context);
        });
        return app;
    }
}
