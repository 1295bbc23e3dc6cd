using RtesPlatform.Web.Api;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// Unhandled exceptions and bare status codes: French error pages for the site, ProblemDetails
/// (<see cref="ApiProblems"/>) for everything under <c>/api</c> — unknown routes, refused methods,
/// unknown tenants, authentication challenges, rate limiting, exceptions (500 without details).
/// </summary>
public static class ErrorHandling
{
    public static WebApplication UseRtesErrorHandling(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // The API branch first, in every environment: a client never gets an HTML page or a stack trace.
        app.UseWhen(context => ApiProblems.IsApiRequest(context.Request), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => ApiProblems.WriteAsync(context, ApiProblems.Create(
                    context, StatusCodes.Status500InternalServerError,
                    "Le service a rencontré une erreur inattendue. Réessayez plus tard ; si l’erreur persiste, indiquez le traceId à l’équipe du réseau.",
                    "The service met an unexpected error. Try again later; if it persists, give the traceId to the network team.")),
            });
            api.UseStatusCodePages(async statusContext =>
            {
                var context = statusContext.HttpContext;
                var (french, english) = context.Response.StatusCode switch
                {
                    StatusCodes.Status404NotFound => (
                        "Aucune ressource de l’API ne correspond à cette adresse (voir /openapi/v1.json).",
                        "No API resource matches this address (see /openapi/v1.json)."),
                    StatusCodes.Status405MethodNotAllowed => (
                        "Cette méthode HTTP n’est pas acceptée à cette adresse.",
                        "This HTTP method is not accepted at this address."),
                    StatusCodes.Status401Unauthorized => (
                        "Cette opération demande un jeton : en-tête Authorization: Bearer <jeton>.",
                        "This operation needs a token: header Authorization: Bearer <token>."),
                    _ => ((string?)null, (string?)null),
                };
                await ApiProblems.WriteAsync(context, ApiProblems.Create(context, context.Response.StatusCode, french, english));
            });
        });

        app.UseWhen(context => !ApiProblems.IsApiRequest(context.Request), site =>
        {
            if (!app.Environment.IsDevelopment())
            {
                site.UseExceptionHandler("/erreur/500");
            }

            site.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
