using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Fuzzing;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Security;

/// <summary>
/// Cross-site request forgery: every POST form of every page of the route table, as seen by the
/// network admin, a tenant admin and an anonymous visitor, carries the antiforgery token; every
/// POST route (each page handler, each form target) posted with a valid session cookie but without
/// the token is refused with 400 and changes nothing in the database.
/// </summary>
public sealed class CsrfTests(FuzzSite site, ITestOutputHelper output) : IClassFixture<FuzzSite>
{
    /// <summary>The tables a successful post could change (users, teams, fiches, indicators, campaigns, imports…).</summary>
    private static readonly string[] _tables =
    [
        "tenants", "fiche_drafts", "fiche_versions", "audit_events", "tenant_memberships", "invitations", "indicator_values",
        "indicators", "campaigns", "legacy_import_runs", "asp_net_users", "asp_net_user_tokens", "asp_net_user_roles",
    ];

    [Fact]
    public async Task EveryPostForm_OnEveryPage_ForEachKindOfUser_CarriesTheAntiforgeryToken()
    {
        using var client = site.CreateRawClient();
        var routes = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var checkedForms = 0;
        var pagesWithForms = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var session in new[] { site.NetworkAdmin, site.TenantAdmin, site.Anonymous })
        {
            foreach (var url in routes.SelectMany(r => FuzzTargets.Fill(r, site)))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                FuzzSite.Authenticate(request, session);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode != 200 || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var document = await BrowsingContext.New(Configuration.Default)
                    .OpenAsync(r => r.Content(response.Content.ReadAsStream()));
                foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
                {
                    if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    checkedForms++;
                    pagesWithForms.Add($"{url} as {session.Name}");
                    var token = form.QuerySelector<IHtmlInputElement>("input[type=hidden][name=__RequestVerificationToken]");
                    if (token is null || token.Value.Length < 20)
                    {
                        missing.Add($"{url} as {session.Name}: form {form.GetAttribute("action") ?? "(this page)"}");
                    }
                }
            }
        }

        output.WriteLine($"{checkedForms} POST forms on {pagesWithForms.Count} (page, user) pairs checked");
        checkedForms.ShouldBeGreaterThanOrEqualTo(40, "the crawl found too few forms to prove anything");
        pagesWithForms.ShouldContain(p => p.StartsWith("/reseau", StringComparison.Ordinal) && p.EndsWith("as network admin", StringComparison.Ordinal));
        pagesWithForms.ShouldContain(p => p.StartsWith("/espace/", StringComparison.Ordinal));
        pagesWithForms.ShouldContain(p => p.StartsWith("/compte/connexion", StringComparison.Ordinal) && p.EndsWith("as anonymous", StringComparison.Ordinal));
        missing.ShouldBeEmpty("POST forms without an antiforgery token");
    }

    [Fact]
    public async Task EveryPostRoute_WithASessionCookieButNoToken_IsRefusedAndChangesNothing()
    {
        using var client = site.CreateRawClient();
        var targets = (await FuzzTargets.DiscoverAsync(site, client)).Where(t => t.IsForm).ToList();
        targets.Count.ShouldBeGreaterThanOrEqualTo(30, "the POST routes were not found");
        var before = await SnapshotAsync();

        var wrong = new List<string>();
        foreach (var target in targets)
        {
            // The form exactly as the page renders it (its values would be accepted), minus the token.
            var fields = target.Fields.Where(f => f.Name != FuzzGenerator.TokenField && f.Type is not ("checkbox" or "radio"))
                .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Url, UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(fields),
            };
            FuzzSite.Authenticate(request, target.Session);
            request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            output.WriteLine($"POST {target.Url} as {target.Session.Name} without token: {status}");
            if (status != StatusCodes.Status400BadRequest)
            {
                wrong.Add($"POST {target.Url} as {target.Session.Name}: {status}");
            }
        }

        wrong.ShouldBeEmpty("POST routes that did not refuse a request without antiforgery token");
        (await SnapshotAsync()).ShouldBe(before, "a POST without token changed the database");

        // The same kind of post with the token is accepted and does change the snapshot: the comparison can fail.
        var panorama = targets.First(t => t.Url.EndsWith("/panorama", StringComparison.Ordinal));
        var accepted = panorama.Fields.Where(f => f.Type is not ("checkbox" or "radio"))
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Name switch
            {
                FuzzGenerator.TokenField => panorama.Session.Token,
                "Form.Narrative" => "Récit modifié avec le jeton",
                _ => f.Value,
            }));
        using var withToken = new HttpRequestMessage(HttpMethod.Post, new Uri(panorama.Url, UriKind.Relative)) { Content = new FormUrlEncodedContent(accepted) };
        FuzzSite.Authenticate(withToken, panorama.Session);
        using var saved = await client.SendAsync(withToken);
        ((int)saved.StatusCode).ShouldBe(StatusCodes.Status302Found, "the panorama form with its token");
        (await SnapshotAsync()).ShouldNotBe(before);
    }

    /// <summary>A digest of every row of the tables a post could change, read as the superuser.</summary>
    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var table in _tables)
        {
            parts.Add(table + ":" + await site.Database.QueryAsAdminAsync<string>(
                $"SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {table} t"));
        }

        return string.Join(' ', parts);
    }
}
