using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace RtesPlatform.Web.Api;

/// <summary>
/// A public read's answer with validators: a strong ETag (SHA-256 of the exact JSON body) and,
/// when the data says when it changed, Last-Modified. <c>If-None-Match</c> (which wins when both
/// are sent, RFC 9110 §13.2.2) or <c>If-Modified-Since</c> answer 304 without a body. The headers
/// are ordinary response headers, so an output cache in front keeps and replays them.
/// </summary>
public sealed class ConditionalJson<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    private readonly DateTimeOffset? _lastModified;

    public ConditionalJson(T value, DateTimeOffset? lastModified)
    {
        Value = value;
        // HTTP dates have a resolution of one second: compare and send whole seconds.
        _lastModified = lastModified is { } date ? new DateTimeOffset(date.UtcTicks - (date.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;
    }

    public T Value { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    object? IValueHttpResult.Value => Value;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, ApiJson.Options);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        var response = httpContext.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        if (_lastModified is { } lastModified)
        {
            headers.LastModified = lastModified;
        }

        // Anyone may keep it, but must check it is still current before using it again.
        response.Headers.CacheControl = "public, no-cache";
        if (NotModified(httpContext.Request, etag, _lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var requestHeaders = request.GetTypedHeaders();
        var ifNoneMatch = requestHeaders.IfNoneMatch;
        if (ifNoneMatch is { Count: > 0 })
        {
            // Weak comparison, as RFC 9110 asks for If-None-Match.
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return lastModified is { } modified
            && requestHeaders.IfModifiedSince is { } since
            && modified <= since;
    }
}
