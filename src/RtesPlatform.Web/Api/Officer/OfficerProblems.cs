using Microsoft.AspNetCore.Http.HttpResults;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// ProblemDetails (RFC 9457) answers of the officers' API and its authentication. The title given
/// here is French; <see cref="ApiProblems.Localize"/> (run on every problem written under /api)
/// then sets the stable type and the French or English title of the status.
/// </summary>
internal static class OfficerProblems
{
    public static ProblemHttpResult Status(int status, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status));

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "Corrigez les champs signalés puis renvoyez la requête.",
            title: Title(StatusCodes.Status400BadRequest));

    public static ValidationProblem Validation(string key, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [key] = [message] });

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Requête invalide",
        StatusCodes.Status401Unauthorized => "Authentification requise",
        StatusCodes.Status403Forbidden => "Accès refusé",
        StatusCodes.Status404NotFound => "Ressource introuvable",
        StatusCodes.Status409Conflict => "Conflit",
        StatusCodes.Status412PreconditionFailed => "Version périmée",
        StatusCodes.Status415UnsupportedMediaType => "Type de contenu non pris en charge",
        StatusCodes.Status428PreconditionRequired => "En-tête If-Match requis",
        _ => "Erreur",
    };
}
