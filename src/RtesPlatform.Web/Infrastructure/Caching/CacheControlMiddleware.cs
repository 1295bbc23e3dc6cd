namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// First in the pipeline (a startup filter, so that redirects to the sign-in page are marked too): marks back-office, console, account and officers' API responses
/// <c>Cache-Control: no-store</c> (no browser, proxy or CDN keeps them), and responses to signed-in
/// visitors <c>private, no-store</c> unless the endpoint said otherwise (their public pages name
/// them). After a write by a signed-in user in the back office, the console or the officers' API,
/// empties this instance's output cache before the response leaves, so the author sees the change
/// at once; the other instances hear it from the database (<see cref="PublicChangeListener"/>).
/// </summary>
public sealed class CacheControlMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var area = CachePaths.Classify(context.Request.Path);
        if (area == CacheArea.None)
        {
            return next(context);
        }

        // The user is known once authentication has run, further down the pipeline; the response
        // starts after that, when the handler has committed (redirect or page).
        context.Response.OnStarting(async () =>
        {
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            var headers = context.Response.Headers;
            if (area == CacheArea.Private)
            {
                headers.CacheControl = "no-store";
            }
            else if (signedIn && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "private, no-store";
            }

            if (signedIn && IsWrite(context.Request) && CachePaths.IsAuthoring(context.Request.Path)
                && context.RequestServices.GetService<PublicCacheInvalidator>() is { } invalidator)
            {
                await invalidator.EvictAllAsync("write on this instance", CancellationToken.None);
            }
        });
        return next(context);
    }

    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
}
