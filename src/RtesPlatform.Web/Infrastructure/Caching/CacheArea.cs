namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>What a request path is, as far as caching goes (<see cref="CachePaths"/>).</summary>
public enum CacheArea
{
    /// <summary>Neither cached nor marked (static assets, health, accessibility, error pages...).</summary>
    None,

    /// <summary>A public page: cached for anonymous visitors.</summary>
    PublicPage,

    /// <summary>An open-data download: cached per Accept-Encoding (gzip as stored, or not).</summary>
    OpenDataFile,

    /// <summary>A public API read under <c>/api/v1</c>: cached per Accept-Language.</summary>
    PublicApi,

    /// <summary>Back office, network console, accounts, officers' API, API sign-in: never stored, anywhere (no-store).</summary>
    Private,
}
