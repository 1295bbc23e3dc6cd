using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace RtesPlatform.IntegrationTests.Authorization;

/// <summary>One route of the route table: its pattern ("/espace/{slug}/budget") and its endpoint.</summary>
internal sealed partial record MatrixRoute(string Pattern, RouteEndpoint Endpoint)
{
    /// <summary>The URL of the route for the tenant <paramref name="slug"/>; fails on a parameter with no known value.</summary>
    public string Fill(string slug, IReadOnlyDictionary<string, string> values) =>
        Parameter().Replace(Pattern, match =>
        {
            var name = match.Groups["name"].Value;
            if (name == "slug")
            {
                return slug;
            }

            return values.TryGetValue(name, out var value)
                ? value
                : throw new InvalidOperationException($"Route {Pattern}: give a value for {{{name}}} in the matrix (or list the route as skipped).");
        });

    [GeneratedRegex(@"\{(?<name>[^}:?=]+)[^}]*\}")]
    private static partial Regex Parameter();
}
