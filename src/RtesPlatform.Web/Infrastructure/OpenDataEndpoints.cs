using System.Globalization;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;
using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// Downloads of the open-data sets (<c>/donnees-ouvertes/valeurs.csv</c>, <c>.csv-excel</c>,
/// <c>.xlsx</c>, <c>.json</c>): the file the nightly job
/// stored (<see cref="OpenDataFiles"/>), the same on every instance, gzip as stored when the client
/// accepts it, with its generation date (Last-Modified) and SHA-256 (ETag) for conditional requests.
/// Before the first generation (fresh install) the set is streamed live from the database instead.
/// Public: neither path carries a user, so signed-in visitors get the same public files.
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
        string jeu, string format, OpenDataFiles files, OpenDataWriter writer, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (OpenDataSets.Find(jeu) is not { } set)
        {
            return NotFound($"Ce jeu de données n’existe pas : {string.Join(", ", OpenDataSets.All.Select(s => s.Name))}.");
        }

        if (ExportFormat.Find(format) is not { } exportFormat || !set.Formats.Contains(exportFormat))
        {
            return NotFound($"Le jeu « {set.Name} » se télécharge en {string.Join(", ", set.Formats.Select(f => f.Token))}.");
        }

        context.Response.ContentType = exportFormat.ContentType;
        // A file replaced between the look-up and the read is looked up again (at most twice).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var file = await files.FindAsync(set.Name, exportFormat.Token, cancellationToken);
            if (file is null)
            {
                break;
            }

            var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"", isWeak: true);
            var response = context.Response;
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = file.GeneratedAt;
            response.Headers.Vary = "Accept-Encoding";
            response.Headers.CacheControl = "public, max-age=300";
            response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(set, exportFormat, file.GeneratedAt)}\"";
            if (NotModified(context.Request.GetTypedHeaders(), etag, file.GeneratedAt))
            {
                response.ContentType = null;
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var gzip = AcceptsGzip(context.Request.GetTypedHeaders());
            if (gzip)
            {
                response.Headers.ContentEncoding = "gzip";
            }

            response.ContentLength = gzip ? file.CompressedLength : file.ByteCount;
            if (await files.CopyToAsync(file, response.Body, gzip, cancellationToken))
            {
                return Results.Empty;
            }

            response.Headers.ContentEncoding = default;
            response.ContentLength = null;
        }

        // Fresh install: nothing generated yet (the job is triggered at start). Stream live data.
        var now = clock.GetUtcNow();
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(set, exportFormat, now)}\"";
        context.Response.Headers.CacheControl = "no-cache";
        await writer.WriteAsync(set, exportFormat, context.Response.Body, now, cancellationToken);
        return Results.Empty;
    }

    private static string FileName(OpenDataSet set, ExportFormat format, DateTimeOffset date) =>
        format.FileName($"rtes-{set.Name}-{TimeZoneInfo.ConvertTime(date, ParisTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    /// <summary>A 404 with its reason in plain text (the status-code page is for pages, not for files).</summary>
    private static IResult NotFound(string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    /// <summary>If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2); weak comparison.</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset generatedAt)
    {
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && generatedAt <= since;
    }

    private static bool AcceptsGzip(RequestHeaders request)
    {
        var accepted = request.AcceptEncoding;
        var gzip = accepted.FirstOrDefault(e => string.Equals(e.Value.Value, "gzip", StringComparison.OrdinalIgnoreCase));
        var any = accepted.FirstOrDefault(e => e.Value.Value == "*");
        var chosen = gzip ?? any;
        return chosen is not null && (chosen.Quality ?? 1) > 0;
    }

    private static TimeZoneInfo ParisTime => Core.ParisCalendar.Zone;
}
