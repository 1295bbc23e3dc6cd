using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>
/// /openapi/v1.json against the route table: the same (method, path) pairs under /api/v1 in both
/// directions (new routes, the officers' included, are covered without touching this test), each
/// operation with a success and an error response, each path parameter declared.
/// </summary>
public sealed partial class OpenApiDocumentTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private static readonly string[] _methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Document_DescribesExactlyTheApiRoutes_WithResponsesAndParameters()
    {
        using var client = fixture.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => _methods.Contains(o.Name)))
            {
                var key = $"{operation.Name.ToUpperInvariant()} {Normalize(path.Name)}";
                documented.Add(key);
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                responses.ShouldContain(r => r.StartsWith('2'), key);
                responses.ShouldContain(r => r.StartsWith('4') || r.StartsWith('5'), key);
                operation.Value.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(key);
                operation.Value.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace(key);

                var declared = Parameters(path.Value).Concat(Parameters(operation.Value))
                    .Where(p => p.GetProperty("in").GetString() == "path")
                    .Select(p => p.GetProperty("name").GetString())
                    .ToList();
                foreach (Match name in PathParameter().Matches(path.Name))
                {
                    declared.ShouldContain(name.Groups[1].Value, key);
                }
            }
        }

        var routed = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: Normalize("/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/')), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.OrdinalIgnoreCase) || e.Pattern == "/api/v1")
            .SelectMany(e => e.Methods.Select(m => $"{m.ToUpperInvariant()} {e.Pattern}"))
            .ToHashSet(StringComparer.Ordinal);

        routed.ShouldNotBeEmpty();
        routed.Except(documented).ShouldBeEmpty("API routes missing from /openapi/v1.json");
        documented.Except(routed).ShouldBeEmpty("operations of /openapi/v1.json without a route");

        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        documented.ShouldContain("GET /api/v1/tenants");
        documented.ShouldContain("GET /api/v1/tenants/{slug}/fiche/versions/{number}");
        documented.ShouldContain("GET /api/v1/comparisons/{code}");
    }

    private static List<JsonElement> Parameters(JsonElement element) =>
        element.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    /// <summary>"/api/v1/x/{id:guid}/" → "/api/v1/x/{id}": constraints, defaults and a trailing slash do not matter.</summary>
    private static string Normalize(string path) =>
        RouteParameter().Replace(path, m => "{" + m.Groups[1].Value + "}").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
