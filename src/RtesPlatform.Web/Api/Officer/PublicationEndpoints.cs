using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.Web.Api.Officer;

/// <summary><c>POST …/publications</c> publishes the draft (as the dashboard's button does); <c>GET</c> lists the published versions.</summary>
internal static class PublicationEndpoints
{
    public static void Map(RouteGroupBuilder workspace)
    {
        workspace.MapPost("/publications", PublishAsync)
            .WithName("PublishWorkspaceDraft")
            .WithSummary("Publier le brouillon : il devient la fiche publique (If-Match facultatif pour publier exactement la révision lue)")
            .Produces<PublicationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        workspace.MapGet("/publications", ListAsync)
            .WithName("ListWorkspacePublications")
            .WithSummary("Lister les versions publiées de la fiche, la plus récente d’abord")
            .Produces<IReadOnlyList<PublicationResponse>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> PublishAsync(
        string slug, HttpContext context, DraftEditor editor, DraftStatusQuery drafts, AuthoringPublisher publisher, PublicationNotices notices,
        IOptions<EmailOptions> email, CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        var draft = await editor.GetAsync(cancellationToken);
        if (context.Request.Headers.IfMatch.Count > 0 && DraftETag.Expected(context.Request, draft.Revision) != draft.Revision)
        {
            return DraftEndpoints.Stale(context, draft);
        }

        if (draft.Revision == 0)
        {
            return OfficerProblems.Status(StatusCodes.Status409Conflict, "Le brouillon est vide : enregistrez au moins une section avant de publier.");
        }

        // As on the page: nothing is published when the draft equals the published version.
        if ((await drafts.GetAsync(cancellationToken)).WhyNotPublishable is { } why)
        {
            return OfficerProblems.Status(StatusCodes.Status409Conflict, why);
        }

        var user = OfficerContext.User(context);
        var version = await publisher.PublishAsync(user, cancellationToken);
        var publicUrl = AccountLinks.Absolute(email.Value, $"/collectivites/{slug}", new Dictionary<string, string?>());
        notices.Queue(version.Number, user, publicUrl);
        return TypedResults.Created(publicUrl, new PublicationResponse(version.Number, version.PublishedAt, version.PublishedBy, Current: true));
    }

    private static async Task<IResult> ListAsync(HttpContext context, RtesDbContext db, TenantContext tenantContext, CancellationToken cancellationToken)
    {
        OfficerContext.NoStore(context.Response);
        var current = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantContext.TenantId).Select(t => t.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        var versions = await db.FicheVersions.AsNoTracking()
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.PublishedAt, v.PublishedBy })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(v => new PublicationResponse(v.Number, v.PublishedAt, v.PublishedBy, v.Number == current)).ToList());
    }
}
