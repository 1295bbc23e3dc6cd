namespace RtesPlatform.Web.Infrastructure.Observability;

/// <summary>The part of the site a path belongs to: a low-cardinality tag for metrics.</summary>
internal static class SiteArea
{
    public const string Health = "health";

    public static string Of(PathString path)
    {
        var value = path.Value ?? string.Empty;
        if (value.Length <= 1)
        {
            return "public";
        }

        var end = value.IndexOf('/', 1);
        var first = end < 0 ? value.TrimStart('/') : value[1..end];
        return first.ToLowerInvariant() switch
        {
            "health" => Health,
            "espace" => "back-office",
            "reseau" => "network-console",
            "compte" => "account",
            "api" or "openapi" => "api",
            "donnees-ouvertes" => "open-data",
            "css" or "js" or "favicon.svg" or "favicon.ico" => "static",
            _ => "public",
        };
    }
}
