namespace RtesPlatform.Web.Infrastructure;

/// <summary>Unhandled exceptions and bare status codes: French error pages (and ProblemDetails for the API).</summary>
public static class ErrorHandling
{
    public static WebApplication UseRtesErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur/500");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        return app;
    }
}
