using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>The application's routes, read from its route table (not from a list kept by hand).</summary>
internal static class MatrixRoutes
{
    /// <summary>One entry per distinct pattern under any of <paramref name="prefixes"/> ("/espace"…).</summary>
    public static IReadOnlyList<MatrixRoute> InScope(IServiceProvider services, IEnumerable<string> prefixes)
    {
        var scopes = prefixes.ToList();
        return [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new MatrixRoute("/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), e))
            .Where(r => scopes.Any(s => r.Pattern.Equals(s, StringComparison.OrdinalIgnoreCase)
                || r.Pattern.StartsWith(s + "/", StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(r => r.Pattern, StringComparer.Ordinal)];
    }
}
