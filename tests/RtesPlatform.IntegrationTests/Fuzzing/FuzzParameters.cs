using System.Collections;
using System.Reflection;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>
/// The query parameters of every route, read from the application rather than a hand-kept list:
/// a page's bound properties and handler parameters (nested ones as <c>Input.Email</c>), a minimal
/// API's method parameters (route values, services and bodies excluded; <c>[AsParameters]</c>
/// expanded), and the names a page's own GET forms and links send to it (pages that read
/// <c>Request.Query</c> themselves). With an example value for each, taken from those links.
/// </summary>
internal static class FuzzParameters
{
    public sealed record RouteParameters(IReadOnlyList<string> Names, IReadOnlyDictionary<string, string> Examples);

    public static async Task<IReadOnlyDictionary<string, RouteParameters>> DiscoverAsync(FuzzSite site, HttpClient client, IReadOnlyList<FuzzTarget> targets)
    {
        var services = site.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        var result = new Dictionary<string, RouteParameters>(StringComparer.Ordinal);
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .GroupBy(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), StringComparer.Ordinal);
        foreach (var group in endpoints)
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var routeValues = group.First().RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var endpoint in group)
            {
                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
                {
                    var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                    foreach (var property in compiled.BoundProperties)
                    {
                        Expand(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, names, depth: 0);
                    }

                    foreach (var parameter in compiled.HandlerMethods.SelectMany(h => h.Parameters))
                    {
                        Expand(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, names, depth: 0);
                    }
                }
                else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
                {
                    foreach (var parameter in method.GetParameters())
                    {
                        AddApiParameter(parameter.Name!, parameter.ParameterType, parameter, isService, names);
                    }
                }
            }

            names.RemoveWhere(routeValues.Contains);
            result[group.Key] = new RouteParameters(names.ToList(), new Dictionary<string, string>(StringComparer.Ordinal));
        }

        // What the pages' own GET forms and links send (and example values for every name).
        var examples = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["group"] = "list", ["members"] = site.TenantA.Slug, ["groupe"] = "liste", ["membre"] = site.TenantA.Slug,
        };
        foreach (var target in targets.Where(t => !t.IsApi && !t.IsForm && !t.Url.Contains('{', StringComparison.Ordinal)).DistinctBy(t => t.Url))
        {
            foreach (var (path, key, value) in await LinksAndGetFormsAsync(client, target))
            {
                examples.TryAdd(key, value);
                if (result.TryGetValue(target.Route, out var own) && SamePath(path, target.Url) && own.Names is List<string> list && !list.Contains(key))
                {
                    list.Add(key);
                }
            }
        }

        return result.ToDictionary(r => r.Key, r => r.Value with { Examples = examples }, StringComparer.Ordinal);
    }

    private static void AddApiParameter(string name, Type type, ICustomAttributeProvider attributes, IServiceProviderIsService isService, ISet<string> names)
    {
        var all = attributes.GetCustomAttributes(inherit: true);
        if (all.OfType<IFromBodyMetadata>().Any() || all.OfType<IFromServiceMetadata>().Any() || all.OfType<IFromRouteMetadata>().Any()
            || all.OfType<IFromHeaderMetadata>().Any() || all.OfType<IFromFormMetadata>().Any())
        {
            return;
        }

        if (all.OfType<AsParametersAttribute>().Any())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.GetSetMethod(true) is not null))
            {
                AddApiParameter(property.Name, property.PropertyType, property, isService, names);
            }

            return;
        }

        if (!IsSimple(type) || isService.IsService(type))
        {
            return;
        }

        names.Add(all.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name is { Length: > 0 } queryName ? queryName : CamelCase(name));
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static void Expand(string prefix, Type type, ISet<string> names, int depth)
    {
        if (IsSimple(type))
        {
            names.Add(prefix);
            return;
        }

        if (depth >= 2)
        {
            return;
        }

        var element = ElementType(type);
        if (element is not null)
        {
            Expand(prefix + "[0]", element, names, depth + 1);
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            Expand($"{prefix}.{property.Name}", property.PropertyType, names, depth + 1);
        }
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementType(type) is { } element && element != typeof(char))
        {
            return IsSimple(element);
        }

        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(Microsoft.Extensions.Primitives.StringValues);
    }

    private static bool SamePath(string path, string url) =>
        path.TrimEnd('/').Equals(url.Split('?')[0].TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>(path, key, value) of every query pair in the page's links and of every GET form's fields.</summary>
    private static async Task<List<(string Path, string Key, string Value)>> LinksAndGetFormsAsync(HttpClient client, FuzzTarget target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target.Url, UriKind.Relative));
        FuzzSite.Authenticate(request, target.Session);
        using var response = await client.SendAsync(request);
        var found = new List<(string, string, string)>();
        if ((int)response.StatusCode != 200 || response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return found;
        }

        var document = await BrowsingContext.New(Configuration.Default)
            .OpenAsync(r => r.Content(response.Content.ReadAsStream()).Address(FuzzSite.BaseAddress + target.Url.TrimStart('/')));
        foreach (var link in document.QuerySelectorAll<IHtmlAnchorElement>("a[href]"))
        {
            if (!link.Href.StartsWith(FuzzSite.BaseAddress.ToString(), StringComparison.Ordinal))
            {
                continue;
            }

            var uri = new Uri(link.Href);
            foreach (var (key, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query))
            {
                found.Add((uri.AbsolutePath, key, values.ToString()));
            }
        }

        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (string.Equals(form.GetAttribute("method") ?? "get", "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = form.GetAttribute("action") is { Length: > 0 } action ? action.Split('?')[0] : target.Url.Split('?')[0];
            foreach (var element in form.Elements.OfType<IHtmlElement>())
            {
                if (element.GetAttribute("name") is { Length: > 0 } name)
                {
                    found.Add((path, name, element.GetAttribute("value") ?? string.Empty));
                }
            }
        }

        return found;
    }
}
