using Microsoft.AspNetCore.Mvc;

namespace RtesPlatform.Web.Api;

/// <summary>
/// ProblemDetails (RFC 9457) of the API: a stable <c>type</c> per kind of error
/// (<c>urn:rtes:problem:not-found</c>, ...), a <c>title</c> in French, or in English when the
/// request's <c>Accept-Language</c> prefers English, and an optional detail in both languages.
/// Every error under <c>/api</c> goes through here (handlers, status codes without a body,
/// unhandled exceptions, rate limiting).
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";
    public const string TypePrefix = "urn:rtes:problem:";
    public const string ValidationType = TypePrefix + "validation";

    private static readonly Dictionary<int, (string Slug, string French, string English)> _byStatus = new()
    {
        [StatusCodes.Status400BadRequest] = ("bad-request", "Requête non valide", "Bad request"),
        [StatusCodes.Status401Unauthorized] = ("unauthorized", "Authentification requise", "Authentication required"),
        [StatusCodes.Status403Forbidden] = ("forbidden", "Accès refusé", "Access denied"),
        [StatusCodes.Status404NotFound] = ("not-found", "Ressource introuvable", "Resource not found"),
        [StatusCodes.Status405MethodNotAllowed] = ("method-not-allowed", "Méthode non autorisée", "Method not allowed"),
        [StatusCodes.Status406NotAcceptable] = ("not-acceptable", "Format de réponse non disponible", "Not acceptable"),
        [StatusCodes.Status409Conflict] = ("conflict", "Conflit avec l’état actuel de la ressource", "Conflict with the current state of the resource"),
        [StatusCodes.Status412PreconditionFailed] = ("precondition-failed", "La ressource a changé depuis votre lecture", "Precondition failed"),
        [StatusCodes.Status413PayloadTooLarge] = ("payload-too-large", "Contenu trop volumineux", "Payload too large"),
        [StatusCodes.Status415UnsupportedMediaType] = ("unsupported-media-type", "Type de contenu non pris en charge", "Unsupported media type"),
        [StatusCodes.Status422UnprocessableEntity] = ("unprocessable", "Données non valides", "Unprocessable content"),
        [StatusCodes.Status428PreconditionRequired] = ("precondition-required", "En-tête If-Match requis", "Precondition required"),
        [StatusCodes.Status429TooManyRequests] = ("rate-limited", "Trop de requêtes", "Too many requests"),
        [StatusCodes.Status500InternalServerError] = ("server-error", "Erreur interne du serveur", "Internal server error"),
        [StatusCodes.Status503ServiceUnavailable] = ("unavailable", "Service momentanément indisponible", "Service unavailable"),
    };

    /// <summary>Whether the request is one of the API's (errors become ProblemDetails, not HTML pages).</summary>
    public static bool IsApiRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// English when <c>Accept-Language</c> ranks an English tag above every French one; French
    /// otherwise (no header, other languages only, or French first).
    /// </summary>
    public static bool PrefersEnglish(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var languages = request.GetTypedHeaders().AcceptLanguage;
        if (languages is null || languages.Count == 0)
        {
            return false;
        }

        foreach (var language in languages.Where(l => (l.Quality ?? 1) > 0).OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? string.Empty;
            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>French or English, as the request prefers.</summary>
    public static string Text(HttpContext context, string french, string english)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PrefersEnglish(context.Request) ? english : french;
    }

    /// <summary>
    /// A problem for a status code: its stable type and localized title, the detail in the
    /// request's language. <paramref name="typeSlug"/> names a more precise type
    /// (<c>urn:rtes:problem:{slug}</c>) when one status covers several kinds of errors.
    /// </summary>
    public static ProblemDetails Create(
        HttpContext context, int status, string? detailFr = null, string? detailEn = null, string? typeSlug = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var english = PrefersEnglish(context.Request);
        var (slug, french, englishTitle) = _byStatus.TryGetValue(status, out var known)
            ? known
            : (status >= 500 ? "server-error" : "error", status >= 500 ? "Erreur du serveur" : "Requête refusée", status >= 500 ? "Server error" : "Request refused");
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + (typeSlug ?? slug),
            Title = english ? englishTitle : french,
            Detail = english ? detailEn ?? detailFr : detailFr,
            Instance = context.Request.Path + context.Request.QueryString,
        };
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    /// <summary>400 with the invalid parameters: <c>errors</c> maps each one to its messages.</summary>
    public static HttpValidationProblemDetails CreateValidation(HttpContext context, ApiValidation validation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(validation);
        var english = PrefersEnglish(context.Request);
        var problem = new HttpValidationProblemDetails(validation.Errors(english))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ValidationType,
            Title = english ? "Invalid parameters" : "Paramètres non valides",
            Detail = english
                ? "One or more parameters are invalid: see errors."
                : "Un ou plusieurs paramètres ne sont pas valides : voir errors.",
            Instance = context.Request.Path + context.Request.QueryString,
        };
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    /// <summary>A handler's result: the problem of <see cref="Create"/>.</summary>
    public static IResult Result(
        HttpContext context, int status, string? detailFr = null, string? detailEn = null, string? typeSlug = null) =>
        TypedResults.Problem(Create(context, status, detailFr, detailEn, typeSlug));

    /// <summary>A handler's result: 404 with a detail saying what was not found.</summary>
    public static IResult NotFound(HttpContext context, string detailFr, string detailEn) =>
        Result(context, StatusCodes.Status404NotFound, detailFr, detailEn);

    /// <summary>A handler's result: the validation problem of <see cref="CreateValidation"/>.</summary>
    public static IResult Validation(HttpContext context, ApiValidation validation) =>
        TypedResults.Problem(CreateValidation(context, validation));

    /// <summary>
    /// Applied to every problem the framework writes (<c>AddProblemDetails</c>): under <c>/api</c>, a
    /// problem not made by <see cref="Create"/> (TypedResults.Problem of the officers' endpoints,
    /// framework 4xx) gets the stable type and the French or English title of its status.
    /// </summary>
    public static void Localize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!IsApiRequest(context.HttpContext.Request)
            || problem.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var english = PrefersEnglish(context.HttpContext.Request);
        if (problem is HttpValidationProblemDetails)
        {
            problem.Type = ValidationType;
            problem.Title = english ? "Invalid request" : "Requête non valide";
        }
        else
        {
            var standard = Create(context.HttpContext, status);
            problem.Type = standard.Type;
            problem.Title = standard.Title;
        }

        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        context.HttpContext.Response.Headers.Vary = "Accept-Language";
    }

    /// <summary>Writes a problem directly (middleware: status codes, exceptions, rate limiting).</summary>
    public static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        context.Response.Headers.Vary = "Accept-Language";
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: ContentType, context.RequestAborted);
    }
}
