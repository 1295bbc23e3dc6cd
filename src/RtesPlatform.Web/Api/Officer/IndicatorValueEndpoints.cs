using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Pages.Espace;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// <c>PUT</c> and <c>DELETE …/indicators/{code}/values/{year}</c>: values typed by hand, under the
/// rules of the "Chiffres comparés" page (a value of the published fiche is changed in the fiche).
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
        string code, int year, HttpContext context, IndicatorValueEditor editor, IndicatorCatalogue catalogue, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        var (input, problem) = await JsonBody.ReadAsync<IndicatorValueInput>(context.Request, FicheJson.Options);
        if (input is null)
        {
            return problem!;
        }

        const string p = ValidationErrors.Prefix;
        var modelState = new ModelStateDictionary();
        var form = new IndicatorValueForm
        {
            IndicatorCode = code,
            Year = year.ToString(CultureInfo.InvariantCulture),
            Value = FormText.Of(input.Value),
            SourceTitle = input.SourceTitle,
            SourceUrl = input.SourceUrl,
            Visibility = input.Visibility,
        };
        var value = form.ToValue(new FormCheck(modelState, clock.GetUtcNow().Year), p, await catalogue.ListAsync(cancellationToken));
        if (value is null)
        {
            return OfficerProblems.Validation(ValidationErrors.From(modelState));
        }

        if (await editor.SaveAsync(value, OfficerContext.User(context), cancellationToken) is { } refused)
        {
            return OfficerProblems.Validation(ValidationErrors.JsonPath($"{p}.{refused.Field}"), refused.Message);
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
