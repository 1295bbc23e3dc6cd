namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// Sorts request paths by <see cref="CacheArea"/>. By path, not by endpoint metadata, so that pages
/// and API endpoints need no caching attribute: a new public API read is cached, a new back-office
/// page is private, without touching its file.
/// </summary>
public static class CachePaths
{
    private static readonly string[] PublicPageRoots = ["collectivites", "actions", "comparaisons", "recherche", "donnees-ouvertes"];
    private static readonly string[] PrivateRoots = ["espace", "reseau", "compte"];
    private static readonly string[] PrivateApiAreas = ["workspace", "auth"];

    public static CacheArea Classify(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return CacheArea.PublicPage;  // the home page
        }

        var root = segments[0];
        if (Is(root, "api"))
        {
            if (segments.Length < 2 || !Is(segments[1], "v1"))
            {
                return CacheArea.None;
            }

            return segments.Length > 2 && PrivateApiAreas.Any(a => Is(segments[2], a)) ? CacheArea.Private : CacheArea.PublicApi;
        }

        if (PrivateRoots.Any(r => Is(root, r)))
        {
            return CacheArea.Private;
        }

        if (!PublicPageRoots.Any(r => Is(root, r)))
        {
            return CacheArea.None;
        }

        // /donnees-ouvertes/{jeu}.{format}: the files; /donnees-ouvertes itself is a page.
        return Is(root, "donnees-ouvertes") && segments.Length > 1 ? CacheArea.OpenDataFile : CacheArea.PublicPage;
    }

    /// <summary>Where signed-in users change what the public sees: back office, network console, officers' API.</summary>
    public static bool IsAuthoring(PathString path) =>
        path.StartsWithSegments("/espace", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/reseau", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/workspace", StringComparison.OrdinalIgnoreCase);

    private static bool Is(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);
}
