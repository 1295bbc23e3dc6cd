using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>A field of an HTML form as the page renders it.</summary>
public sealed record FormField(string Name, string Type, string Value, IReadOnlyList<string> Options);

/// <summary>Where the fuzzer sends requests: a route of the route table, filled, with the session that may use it.</summary>
public sealed record FuzzTarget(string Route, string Url, string Method, FuzzSite.Session Session, IReadOnlyList<FormField> Fields, bool IsApi)
{
    public bool IsForm => Method == HttpMethods.Post && !IsApi;
}

/// <summary>
/// The fuzzer's targets, read from the application's route table (<see cref="EndpointDataSource"/>),
/// not from a hand-kept list: every Razor page (GET, and each of its POST handlers with the fields
/// of the forms that post to it, read by loading the page as a user who may see it), every
/// /api route with its methods, and every other endpoint (open data, health) by GET.
/// </summary>
internal static partial class FuzzTargets
{
    public static async Task<IReadOnlyList<FuzzTarget>> DiscoverAsync(FuzzSite site, HttpClient client)
    {
        var services = site.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<FuzzTarget>();
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .GroupBy(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in endpoints)
        {
            var route = group.Key;
            var methods = group.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var page = group.Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()).FirstOrDefault(p => p is not null);
            foreach (var url in Fill(route, site))
            {
                if (route.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
                {
                    targets.AddRange(methods.SelectMany(m => site.Sessions.Select(s => new FuzzTarget(route, url, m, s, [], IsApi: true))));
                    continue;
                }

                var session = PreferredSession(site, route);
                targets.Add(new FuzzTarget(route, url, HttpMethods.Get, session, [], IsApi: false));
                if (page is null)
                {
                    targets.AddRange(methods.Where(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m))
                        .Select(m => new FuzzTarget(route, url, m, session, [], IsApi: false)));
                    continue;
                }

                var compiled = await loader.LoadAsync(page, group.First().Metadata);
                var handlers = compiled.HandlerMethods.Where(h => h.HttpMethod.Equals("Post", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name).Distinct().ToList();
                if (handlers.Count == 0)
                {
                    continue;
                }

                var forms = await FormsOnAsync(client, url, site, session);
                var posted = new HashSet<string?>();
                foreach (var (action, fields, formSession) in forms)
                {
                    if (!SameRoute(action, url))
                    {
                        continue;
                    }

                    posted.Add(HandlerOf(action));
                    // A suspended tenant A would close its back office for the rest of the run.
                    var pointed = action.Replace(site.TenantA.Id.ToString(), site.Sacrificed.Id.ToString(), StringComparison.OrdinalIgnoreCase);
                    targets.Add(new FuzzTarget(route, pointed, HttpMethods.Post, formSession, fields, IsApi: false));
                }

                // Handlers no form of this page shows (yet): posted with the fields of the page's forms.
                var allFields = forms.SelectMany(f => f.Fields).DistinctBy(f => f.Name).ToList();
                foreach (var handler in handlers.Where(h => !posted.Contains(string.IsNullOrEmpty(h) ? null : h.ToLowerInvariant())))
                {
                    var action = string.IsNullOrEmpty(handler) ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
                    targets.Add(new FuzzTarget(route, action, HttpMethods.Post, session, allFields, IsApi: false));
                }
            }
        }

        return targets;
    }

    /// <summary>The session that may use a route: the tenant's admin in its back office, the network admin in the console, the bystander on the security pages.</summary>
    public static FuzzSite.Session PreferredSession(FuzzSite site, string route) =>
        route.StartsWith("/espace", StringComparison.OrdinalIgnoreCase) ? site.TenantAdmin
        : route.StartsWith("/reseau", StringComparison.OrdinalIgnoreCase) ? site.NetworkAdmin
        : route.StartsWith("/compte/securite", StringComparison.OrdinalIgnoreCase) || route.Equals("/compte/deux-facteurs", StringComparison.OrdinalIgnoreCase) ? site.Bystander
        : site.Anonymous;

    /// <summary>The concrete URLs of a route pattern (several for a parameter with several meaningful values).</summary>
    public static IEnumerable<string> Fill(string route, FuzzSite site)
    {
        var urls = new List<string> { string.Empty };
        var position = 0;
        foreach (Match match in Parameter().Matches(route))
        {
            var literal = route[position..match.Index];
            var values = Values(match.Groups["name"].Value, match.Groups["constraint"].Value, site);
            urls = [.. urls.SelectMany(u => values.Select(v => u + literal + v))];
            position = match.Index + match.Length;
        }

        return urls.Select(u => (u + route[position..]).Replace("//", "/", StringComparison.Ordinal)).Select(u => u.Length == 0 ? "/" : u).Distinct();
    }

    private static IReadOnlyList<string> Values(string name, string constraint, FuzzSite site) => name switch
    {
        "slug" => [site.TenantA.Slug],
        "which" => ["nouvelle", "0"],
        "run" => [LegacyImport.ImportPagesTests.MatrixRunId],
        "campaign" => [Campaigns.CampaignPageTests.MatrixCampaignId],
        "format" => ["csv", "json", "xlsx", "csv-excel"],
        "jeu" => ["valeurs", "collectivites"],
        _ when constraint.Contains("guid", StringComparison.OrdinalIgnoreCase) => [Guid.NewGuid().ToString()],
        _ when constraint.Contains("int", StringComparison.OrdinalIgnoreCase) || name.EndsWith("id", StringComparison.OrdinalIgnoreCase) => ["1"],
        _ when name.EndsWith('?') || constraint.EndsWith('?') => [string.Empty],
        _ => ["x"],
    };

    private static async Task<List<(string Action, IReadOnlyList<FormField> Fields, FuzzSite.Session Session)>> FormsOnAsync(
        HttpClient client, string url, FuzzSite site, FuzzSite.Session preferred)
    {
        // The preferred session first, even when it is not one of the run's own (the bystander of the
        // security pages: their forms rotate or end the session that posts them).
        foreach (var session in site.Sessions.Where(s => s != preferred).Prepend(preferred))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            FuzzSite.Authenticate(request, session);
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode != 200)
            {
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            var document = await BrowsingContext.New(Configuration.Default)
                .OpenAsync(r => r.Content(body).Address(FuzzSite.BaseAddress + url.TrimStart('/')));
            var forms = new List<(string, IReadOnlyList<FormField>, FuzzSite.Session)>();
            foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                IReadOnlyList<FormField> fields = Fields(form);
                var buttons = form.QuerySelectorAll("button, input[type=submit]")
                    .Where(b => b.GetAttribute("type") is null or "submit").ToList();
                var actions = buttons.Select(b => b.GetAttribute("formaction")).Where(a => a is not null).Cast<string>()
                    .Append(form.GetAttribute("action") is { Length: > 0 } a ? a : url)
                    .Distinct(StringComparer.Ordinal);
                forms.AddRange(actions.Select(action => (action, fields, session)));
            }

            return forms;
        }

        return [];
    }

    private static List<FormField> Fields(IHtmlFormElement form) =>
        [.. form.Elements.Select(element => element switch
        {
            IHtmlInputElement input when input.Name is { Length: > 0 } name && input.Type is not ("submit" or "button" or "image" or "reset")
                => new FormField(name, input.Type ?? "text", input.Value ?? string.Empty, []),
            IHtmlTextAreaElement area when area.Name is { Length: > 0 } name => new FormField(name, "textarea", area.Value ?? string.Empty, []),
            IHtmlSelectElement select when select.Name is { Length: > 0 } name
                => new FormField(name, "select", select.Value ?? string.Empty, [.. select.Options.Select(o => o.Value)]),
            IHtmlButtonElement button when button.Name is { Length: > 0 } name => new FormField(name, "button", button.Value ?? string.Empty, []),
            _ => null,
        }).OfType<FormField>()];

    private static bool SameRoute(string action, string url) =>
        action.Split('?')[0].TrimEnd('/').Equals(url.Split('?')[0].TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string? HandlerOf(string action) =>
        HandlerQuery().Match(action) is { Success: true } match ? match.Groups[1].Value.ToLowerInvariant() : null;

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>[^}]*)\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"[?&]handler=([^&]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerQuery();
}
