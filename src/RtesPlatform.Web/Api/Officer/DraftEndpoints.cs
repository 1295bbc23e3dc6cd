using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Api.Officer;

/// <summary>
/// <c>GET …/draft</c> and <c>PUT …/draft/sections/{section}</c>: the draft, and one section saved
/// with optimistic concurrency (If-Match with the draft's ETag; 428 without it, 412 when stale).
/// </summary>
internal static class DraftEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapGet("/draft", GetAsync)
            .WithName("GetWorkspaceDraft")
            .WithSummary("Lire le brouillon de la fiche (contenu complet et révision, aussi donnée par l’ETag)")
            .Produces<DraftResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapPut("/draft/sections/{section}", SaveSectionAsync)
            .WithName("SaveWorkspaceDraftSection")
            .WithSummary("Enregistrer une section du brouillon (panorama, budget, programme, actions, contacts ou sources) ; If-Match obligatoire")
            // No Accepts metadata: a wrong Content-Type would then be refused by routing with a bare
            // 415; the handler answers it as ProblemDetails instead (ApiJson).
            .WithDescription("Corps (application/json) : la section au format de content.<section> de GET …/draft — un objet pour panorama, budget et programme, une liste pour actions, contacts et sources. Les règles et messages sont ceux des pages de l’espace.")
            .Produces<DraftSavedResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<IResult> GetAsync(HttpContext context, DraftEditor editor, CancellationToken cancellationToken)
    {
        var draft = await editor.GetAsync(cancellationToken);
        OfficerContext.NoStore(context.Response);
        DraftETag.Set(context.Response, draft.Revision);
        return TypedResults.Json(
            new DraftResponse(draft.Revision, draft.Revision == 0 ? null : draft.UpdatedAt, draft.UpdatedBy, draft.Content),
            FicheJson.Options);
    }

    private static async Task<IResult> SaveSectionAsync(
        string section, HttpContext context, DraftEditor editor, CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        if (Parse(section) is not { } which)
        {
            return OfficerProblems.Status(StatusCodes.Status404NotFound,
                "Section inconnue : panorama, budget, programme, actions, contacts ou sources.");
        }

        var draft = await editor.GetAsync(cancellationToken);
        var expected = DraftETag.Expected(context.Request, draft.Revision);
        if (expected is null)
        {
            return OfficerProblems.Status(StatusCodes.Status428PreconditionRequired,
                "Indiquez dans l’en-tête If-Match l’ETag du brouillon lu (GET …/draft), pour ne pas écraser une modification faite entre-temps.");
        }

        var (change, problem) = await SectionUpdates.ReadAsync(which, context.Request);
        if (change is null)
        {
            return problem!;
        }

        // The fiche rules first (a 400 whatever the revision), then the revision (412).
        var result = await editor.SaveSectionAsync(which, expected.Value, change, OfficerContext.User(context), cancellationToken);
        if (result.IsInvalid)
        {
            return OfficerProblems.Validation(ValidationErrors.FromRules(result.Errors, which));
        }

        if (result.IsConflict)
        {
            return Stale(context, result.Draft);
        }

        DraftETag.Set(context.Response, result.Draft.Revision);
        return TypedResults.Ok(new DraftSavedResponse(result.Draft.Revision, result.Draft.UpdatedAt));
    }

    /// <summary>412 with the current ETag: the draft changed since the caller read it; nothing was saved.</summary>
    internal static IResult Stale(HttpContext context, FicheDraft current)
    {
        DraftETag.Set(context.Response, current.Revision);
        return OfficerProblems.Status(StatusCodes.Status412PreconditionFailed,
            $"Le brouillon a été modifié depuis votre lecture{(current.UpdatedBy is null ? "" : " (par " + current.UpdatedBy + ")")} : relisez-le (GET …/draft), reportez vos changements puis renvoyez-les avec le nouvel ETag. Rien n’a été enregistré.");
    }

    private static FicheSection? Parse(string section) =>
        Enum.GetValues<FicheSection>().Cast<FicheSection?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), section, StringComparison.OrdinalIgnoreCase));
}
