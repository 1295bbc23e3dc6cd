using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// The base output-cache policy: anonymous GET/HEAD requests of the public pages, open-data files
/// and public API reads (<see cref="CachePaths"/>) are looked up and stored, varying by the whole
/// query string (and Accept-Language for the API, Accept-Encoding for the files); their 200
/// responses without Set-Cookie and without a no-store/no-cache/private Cache-Control are kept for
/// <see cref="OutputCachingOptions.MaxAge"/> at most. Never: a request carrying credentials (a
/// signed-in user, the session cookie even if expired, an Authorization header), while the change
/// notifications are not heard, or any other path.
/// </summary>
public sealed class PublicReadCachePolicy(
    PublicCacheState state,
    IOptions<OutputCachingOptions> options,
    IOptionsMonitor<CookieAuthenticationOptions> cookies) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var area = CachePaths.Classify(context.HttpContext.Request.Path);
        if (area is CacheArea.None or CacheArea.Private || !IsAnonymousRead(context.HttpContext.Request) || !state.IsListening)
        {
            context.EnableOutputCaching = false;
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = options.Value.MaxAge;
        var vary = context.CacheVaryByRules;
        vary.VaryByHost = true;
        vary.QueryKeys = "*";
        if (area == CacheArea.PublicApi)
        {
            vary.HeaderNames = HeaderNames.AcceptLanguage;
        }
        else if (area == CacheArea.OpenDataFile)
        {
            // The file is sent gzip-encoded as stored when the client accepts it.
            vary.HeaderNames = HeaderNames.AcceptEncoding;
        }

        context.Tags.Add(CacheTags.Public);
        context.Tags.Add(CacheTags.Generation(state.Generation));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || ForbidsStorage(response.Headers.CacheControl))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    private bool IsAnonymousRead(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.HttpContext.User.Identity?.IsAuthenticated == true || !StringValues.IsNullOrEmpty(request.Headers.Authorization))
        {
            return false;
        }

        // An expired or forged session cookie signs nobody in, but such a visitor is treated as
        // signed in anyway: the page must not be cached under, nor served from, a shared entry.
        var sessionCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name;
        return sessionCookie is null || !request.Cookies.ContainsKey(sessionCookie);
    }

    /// <summary>An endpoint that says no-store, no-cache or private (antiforgery tokens, live data) is never kept.</summary>
    private static bool ForbidsStorage(StringValues cacheControl) =>
        HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoStoreString)
        || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoCacheString)
        || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.PrivateString);
}
