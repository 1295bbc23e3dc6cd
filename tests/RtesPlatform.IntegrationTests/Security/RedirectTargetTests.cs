using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Api;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Security;

/// <summary>
/// Every redirect target a request can choose goes through <see cref="RedirectTargets"/>: hostile
/// values (control characters, backslashes, scheme-relative and absolute forms) on every page of the
/// route table that takes a return address never give a 500 nor an off-site Location or link; the
/// fallback is the person's home, by role.
/// </summary>
public sealed class RedirectTargetTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Redirections-RTES-2026";

    private static readonly string[] _hostile =
    [
        "/\t/evil.example", "/\r\n/evil.example/phish", "/\n/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example",
        "\\/evil.example", "https://evil.example", "http:evil.example", " //evil.example", "javascript:alert(1)", "/\u0000/evil.example",
        "/\u0085/evil.example", "evil.example", "~/evil", "/x\\..\\evil", "/" + new string('a', 3000),
    ];

    public static TheoryData<string> Hostile
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var target in _hostile)
            {
                data.Add(target);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheCheck_RefusesHostileTargets(string target) => RedirectTargets.Local(target).ShouldBeNull();

    /// <summary>Not a theory case: a lone surrogate would not survive the test runner's serialization of the data.</summary>
    [Fact]
    public void TheCheck_RefusesALoneSurrogate() => RedirectTargets.Local("/\ud800/evil.example").ShouldBeNull();

    [Theory]
    [InlineData("/")]
    [InlineData("/espace/rennes?enregistre=1#fiche")]
    [InlineData("/compte/invitation?jeton=abc%2Fdef")]
    public void TheCheck_KeepsLocalPaths(string target) => RedirectTargets.Local(target).ShouldBe(target);

    [Fact]
    public async Task EveryPageTakingAReturnAddress_GivesNo5xxAndNoOffSiteLocationOrLink_ForHostileValues()
    {
        var pages = await ReturnAddressPagesAsync();
        pages.Select(p => p.Route).ShouldContain("/compte/connexion");
        pages.Select(p => p.Route).ShouldContain("/compte/deux-facteurs");
        pages.Select(p => p.Route).ShouldContain("/compte/deux-facteurs/verification");
        var email = AccountsFixture.UniqueEmail("retour");
        await fixture.CreateUserAsync(email, Password);
        using var signedIn = fixture.CreateClient();
        (await signedIn.SignInAsync(email, Password)).Dispose();
        using var anonymous = fixture.CreateClient();

        foreach (var (route, parameter) in pages)
        {
            foreach (var target in _hostile)
            {
                foreach (var client in new[] { signedIn, anonymous })
                {
                    var url = $"{route}?{parameter}={Uri.EscapeDataString(target)}";
                    using var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
                    var status = (int)response.StatusCode;
                    status.ShouldBeLessThan(500, url);
                    if (response.Headers.Location is { } location)
                    {
                        IsOnSite(location.OriginalString).ShouldBeTrue($"{url} → {location}");
                    }

                    if (status == 200)
                    {
                        var page = await AccountClient.ParseAsync(response);
                        page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                            .ShouldNotContain(href => href.Contains("evil", StringComparison.OrdinalIgnoreCase) || href.StartsWith("//", StringComparison.Ordinal)
                                || href.Contains('\\', StringComparison.Ordinal) || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), url);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignIn_WithTheRightPasswordAndAHostileReturnUrl_GoesHome(string target)
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = AccountsFixture.UniqueEmail("hostile");
        var user = await fixture.CreateUserAsync(email, Password);
        await ApiTokenSite.AddMemberAsync(fixture, tenant, user.Id, TenantRole.Editor);
        using var client = fixture.CreateClient();
        var (_, form) = await client.GetAsync("/compte/connexion");

        using var signIn = await client.SubmitAsync("/compte/connexion", form,
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password, ["ReturnUrl"] = target });

        if (target.Contains('\0', StringComparison.Ordinal))
        {
            // The form reader refuses a NUL in a form body: the French 400 page, nothing signed in.
            signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return;
        }

        // Refused: the officer lands on their home (their collectivity's space).
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe($"/espace/{tenant.Slug}");
    }

    [Fact]
    public async Task TwoFactorSetup_WithAHostileReturnUrl_OffersAContinueLinkToTheHomeOnly()
    {
        var email = AccountsFixture.UniqueEmail("continuer");
        await fixture.CreateUserAsync(email, Password, role: NetworkRoles.NetworkAdmin);
        using var client = fixture.CreateClient();
        (await client.SignInAsync(email, Password)).Dispose();
        var (_, setup) = await client.GetAsync("/compte/deux-facteurs?ReturnUrl=%2F%2Fevil.example%2Fphish");
        var key = setup.QuerySelector("#cle-authentification")!.Text().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

        using var enabled = await client.SubmitAsync("/compte/deux-facteurs", setup,
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key), ["ReturnUrl"] = "/\t/evil.example/phish" });

        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(enabled);
        page.QuerySelector("a.button")!.GetAttribute("href").ShouldBe(AccueilPath);
        using var home = await client.Http.GetAsync(new Uri(AccueilPath, UriKind.Relative));
        home.Headers.Location!.OriginalString.ShouldBe("/reseau", "a network admin's home");
    }

    [Fact]
    public async Task Home_DependsOnTheRole()
    {
        var first = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var second = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = AccountsFixture.UniqueEmail("deux-espaces");
        var user = await fixture.CreateUserAsync(email, Password);
        await ApiTokenSite.AddMemberAsync(fixture, first, user.Id, TenantRole.Editor);
        await ApiTokenSite.AddMemberAsync(fixture, second, user.Id, TenantRole.Admin);
        using var officer = fixture.CreateClient();
        (await officer.SignInAsync(email, Password)).Dispose();
        using var toList = await officer.Http.GetAsync(new Uri(AccueilPath, UriKind.Relative));
        toList.Headers.Location!.OriginalString.ShouldBe("/compte/espaces");
        var (status, list) = await officer.GetAsync("/compte/espaces");
        status.ShouldBe(HttpStatusCode.OK, "an officer of several collectivities sees the list");
        var links = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        links.ShouldContain($"/espace/{first.Slug}");
        links.ShouldContain($"/espace/{second.Slug}");

        var loner = AccountsFixture.UniqueEmail("sans-equipe");
        await fixture.CreateUserAsync(loner, Password);
        using var visitor = fixture.CreateClient();
        (await visitor.SignInAsync(loner, Password)).Dispose();
        using var home = await visitor.Http.GetAsync(new Uri(AccueilPath, UriKind.Relative));
        home.Headers.Location!.OriginalString.ShouldBe("/");
    }

    private const string AccueilPath = "/compte/accueil";

    /// <summary>A link or Location that stays on this site: a local path (not scheme-relative) or an anchor.</summary>
    private static bool IsOnSite(string target) =>
        target.StartsWith('#') || (RedirectTargets.Local(target) is not null)
        || target.StartsWith("https://localhost/", StringComparison.Ordinal) || target.StartsWith("http://localhost/", StringComparison.Ordinal);

    /// <summary>The pages of the route table with a bound property or handler parameter whose name ends in "url".</summary>
    private async Task<List<(string Route, string Parameter)>> ReturnAddressPagesAsync()
    {
        var services = fixture.Factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var found = new List<(string, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page || endpoint.RoutePattern.Parameters.Count > 0)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var names = compiled.BoundProperties.Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
                .Concat(compiled.HandlerMethods.SelectMany(h => h.Parameters).Select(p => p.BindingInfo?.BinderModelName ?? p.Name));
            found.AddRange(names.Where(n => n.EndsWith("url", StringComparison.OrdinalIgnoreCase)).Distinct()
                .Select(n => ("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), n)));
        }

        return found;
    }
}
