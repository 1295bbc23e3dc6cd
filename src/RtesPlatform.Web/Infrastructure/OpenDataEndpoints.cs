using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// Downloads of the open-data sets, streamed from the database (<c>/donnees-ouvertes/valeurs.csv</c>).
/// Public: the writer's connection carries no user, so signed-in visitors get the same public files.
/// </summary>
public static class OpenDataEndpoints
{
    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/donnees-ouvertes/{jeu}.{format}", DownloadAsync)
            .WithName("OpenDataDownload")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        string jeu, string format, OpenDataWriter writer, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var set = OpenDataSets.Find(jeu);
        if (set is null || format is not ("csv" or "json") || (format == "csv" && !set.HasCsv))
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow();
        var fileName = $"rtes-{set.Name}-{now:yyyy-MM-dd}.{format}";
        context.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        context.Response.Headers.CacheControl = "public, max-age=300";
        if (format == "csv")
        {
            await writer.WriteCsvAsync(set, context.Response.Body, cancellationToken);
        }
        else
        {
            await writer.WriteJsonAsync(set, context.Response.Body, now, cancellationToken);
        }

        return Results.Empty;
    }
}
