using RtesPlatform.Web.Api;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// The one place where request values are checked for <see cref="ControlCharacters"/> before
/// anything binds them: a path or a query string (key or value) carrying one is refused with 400 —
/// the French error page, or ProblemDetails under <c>/api</c> — so no page, endpoint or query ever
/// sees it. Form fields are cleaned instead, as they are read (<see cref="MalformedFormGuard"/>):
/// what a person typed or pasted is kept, less the invisible characters. JSON bodies are checked
/// where the API reads them (<c>JsonBody</c>).
/// </summary>
public static class RequestValueGuard
{
    public const string QueryDetail =
        "L’adresse contient un caractère de contrôle (NUL, tabulation, retour à la ligne…) ou une séquence de caractères non valide : corrigez-la.";

    /// <summary>The key of <see cref="HttpContext.Items"/> where the French error page finds why a request was refused.</summary>
    public const string ErrorDetailKey = "rtes.error.detail";

    public static IApplicationBuilder UseRtesRequestValueGuard(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (!HasControlCharacter(context.Request))
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (ApiProblems.IsApiRequest(context.Request))
            {
                var problem = ApiProblems.Create(context, StatusCodes.Status400BadRequest, QueryDetail,
                    "The address holds a control character (NUL, tab, line break…) or an invalid character sequence.");
                problem.Instance = context.Request.Path.HasValue && !ControlCharacters.Contains(context.Request.Path.Value, false) ? context.Request.Path.Value : null;
                await ApiProblems.WriteAsync(context, problem);
            }

            // Otherwise the status code pages render the French error page (without the query string),
            // which says why.
            context.Items[ErrorDetailKey] = QueryDetail;
        });
        return app;
    }

    public static bool HasControlCharacter(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ControlCharacters.Contains(request.Path.Value, allowLineBreaks: false))
        {
            return true;
        }

        if (!request.QueryString.HasValue)
        {
            return false;
        }

        foreach (var (key, values) in request.Query)
        {
            if (ControlCharacters.Contains(key, allowLineBreaks: false))
            {
                return true;
            }

            foreach (var value in values)
            {
                if (ControlCharacters.Contains(value, allowLineBreaks: false))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
