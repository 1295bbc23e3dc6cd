using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Authorization;

namespace RtesPlatform.IntegrationTests.Isolation;

/// <summary>What a request does to data: the four operations of the isolation matrix.</summary>
internal enum Operation
{
    Read,
    Create,
    Update,
    Delete,
}

/// <summary>One operation of one route: GET of a page, a named page handler, or an HTTP method of an API endpoint.</summary>
internal sealed record RouteOperation(MatrixRoute Route, string Method, string? Handler, Operation Operation, bool IsApi)
{
    public override string ToString() => $"{Method} {Route.Pattern}{(Handler is null ? string.Empty : "?handler=" + Handler)}";
}

/// <summary>
/// The tenant-scoped routes of the application (<c>/espace/{slug}/**</c>, <c>/api/v1/workspace/{slug}/**</c>)
/// and the routes that take an identifier, with their operations, read from the route table and
/// the page handlers: routes and handlers added later are covered without editing this file.
/// </summary>
internal static partial class IsolationRoutes
{
    public static readonly string[] TenantScopes = ["/espace/{slug}", "/api/v1/workspace/{slug}"];

    /// <summary>Scopes whose routes may take identifiers of tenants' objects (the network console's included).</summary>
    public static readonly string[] IdScopes = ["/espace", "/reseau", "/api/v1/workspace"];

    public static async Task<IReadOnlyList<RouteOperation>> TenantOperationsAsync(IServiceProvider services)
    {
        var routes = MatrixRoutes.InScope(services, ["/espace", "/api/v1/workspace"])
            .Where(r => TenantScopes.Any(s => r.Pattern.Equals(s, StringComparison.Ordinal) || r.Pattern.StartsWith(s + "/", StringComparison.Ordinal)))
            .ToList();
        return await OperationsAsync(services, routes);
    }

    /// <summary>Routes with a parameter other than {slug} (an id, a number, an index), or a {slug} outside the back office.</summary>
    public static IReadOnlyList<MatrixRoute> IdRoutes(IServiceProvider services) =>
        [.. MatrixRoutes.InScope(services, IdScopes).Where(r => Parameters(r.Pattern).Any(p => p != "slug")
            || (Parameters(r.Pattern).Contains("slug") && !r.Pattern.StartsWith("/espace/", StringComparison.Ordinal)
                && !r.Pattern.Equals("/espace/{slug}", StringComparison.Ordinal)))];

    public static IEnumerable<string> Parameters(string pattern) =>
        ParameterName().Matches(pattern).Select(m => m.Groups["name"].Value);

    private static async Task<List<RouteOperation>> OperationsAsync(IServiceProvider services, IEnumerable<MatrixRoute> routes)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var operations = new List<RouteOperation>();
        foreach (var route in routes.OrderBy(r => r.Pattern, StringComparer.Ordinal))
        {
            var isApi = route.Pattern.StartsWith("/api/", StringComparison.Ordinal);
            if (route.Endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, route.Endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.DistinctBy(h => (h.HttpMethod, h.Name)))
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    operations.Add(new RouteOperation(route, method, handler.Name, Classify(method, handler.Name), isApi));
                }

                continue;
            }

            var methods = route.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
            {
                operations.Add(new RouteOperation(route, method, null, Classify(method, null), isApi));
            }
        }

        return operations;
    }

    private static Operation Classify(string method, string? handler) => (method, handler ?? string.Empty) switch
    {
        ("GET", _) => Operation.Read,
        ("DELETE", _) => Operation.Delete,
        ("PUT" or "PATCH", _) => Operation.Update,
        (_, var h) when h.Contains("Remove", StringComparison.Ordinal) || h.Contains("Delete", StringComparison.Ordinal)
            || h.Contains("Revoke", StringComparison.Ordinal) => Operation.Delete,
        (_, var h) when h.Contains("Add", StringComparison.Ordinal) || h.Contains("Invite", StringComparison.Ordinal)
            || h.Contains("Create", StringComparison.Ordinal) || h.Contains("Publish", StringComparison.Ordinal) => Operation.Create,
        _ => Operation.Update,
    };

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)[^}]*\}")]
    private static partial Regex ParameterName();
}
