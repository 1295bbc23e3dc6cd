using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// <c>PUT</c> and <c>DELETE …/indicators/{code}/values/{year}</c>: values typed by hand, under the
/// rules of <see cref="IndicatorValueEditor"/>, as on the "Chiffres comparés" page (a value of the
/// published fiche is changed in the fiche). The body is read into values here; the rules are Core's.
/// </summary>
internal static class IndicatorValueEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPut("/indicators/{code}/values/{year:int}", SaveAsync)
            .WithName("SaveWorkspaceIndicatorValue")
            .WithSummary("Enregistrer la valeur d’un indicateur pour une année (saisie manuelle, avec sa source)")
            .WithDescription("Corps (application/json) : {\"value\": 12.5, \"sourceTitle\": \"…\", \"sourceUrl\": \"https://…\", \"visibility\": \"Public|Network|Private\"} ; sourceUrl et visibility sont facultatifs.")
            .Produces<IndicatorValueResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        workspace.MapDelete("/indicators/{code}/values/{year:int}", DeleteAsync)
            .WithName("DeleteWorkspaceIndicatorValue")
            .WithSummary("Supprimer une valeur d’indicateur saisie à la main")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SaveAsync(
        string code, int year, HttpContext context, IndicatorValueEditor editor, CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        var (input, problem) = await JsonBody.ReadAsync<IndicatorValueInput>(context.Request, FicheJson.Options);
        if (input is null)
        {
            return problem!;
        }

        if (input.Value is not { } number)
        {
            return OfficerProblems.Validation("$.value", "Indiquez la valeur.");
        }

        Uri? url = null;
        if (!string.IsNullOrWhiteSpace(input.SourceUrl) && !Uri.TryCreate(input.SourceUrl.Trim(), UriKind.Absolute, out url))
        {
            return OfficerProblems.Validation("$.sourceUrl", "Saisissez une adresse web complète commençant par http:// ou https:// (500 caractères au plus).");
        }

        ValueVisibility? visibility = null;
        if (!string.IsNullOrEmpty(input.Visibility))
        {
            if (!Enum.TryParse<ValueVisibility>(input.Visibility, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return OfficerProblems.Validation("$.visibility", "Choisissez la visibilité : Public, Network ou Private.");
            }

            visibility = parsed;
        }

        var value = new ManualValue(code, year, number, input.SourceTitle?.Trim() ?? string.Empty, url, visibility);
        if (await editor.SaveAsync(value, OfficerContext.User(context), cancellationToken) is { } refused)
        {
            return OfficerProblems.Validation(ValidationErrors.JsonPath($"{ValidationErrors.Prefix}.{refused.Field}"), refused.Message);
        }

        var saved = await editor.FindAsync(value.IndicatorCode, value.Year, cancellationToken);
        return TypedResults.Ok(new IndicatorValueResponse(
            saved!.IndicatorCode, saved.Year, saved.Value, saved.Visibility.ToString(), saved.Origin.ToString(),
            saved.SourceTitle, saved.SourceUrl, saved.UpdatedAt));
    }

    private static async Task<IResult> DeleteAsync(
        string code, int year, HttpContext context, IndicatorValueEditor editor, CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        return await editor.DeleteAsync(code, year, OfficerContext.User(context), cancellationToken)
            ? TypedResults.NoContent()
            : OfficerProblems.Status(StatusCodes.Status404NotFound,
                "Aucune valeur saisie à la main pour cet indicateur et cette année (une valeur de la fiche publiée se modifie dans la fiche).");
    }
}
