using System.Net;
using RtesPlatform.IntegrationTests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Api;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// Sessions live on the server (auth_tickets): a cookie captured before a sign-out, a "sign out of
/// every device" or a member's removal no longer opens anything, on any instance, at once — even
/// with the security stamp checked only every 10 hours here.
/// </summary>
public sealed class SessionRevocationTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Sessions-RTES-2026-phrase";

    [Fact]
    public async Task SignOut_DeletesTheSession_SoACapturedCookieNoLongerWorks()
    {
        var email = AccountsFixture.UniqueEmail("capture");
        await fixture.CreateUserAsync(email, Password);
        await using var host = SlowStampHost();
        using var client = Browser(host);
        var cookie = await SignInAsync(client, email);
        (await GetAsync(host, "/compte/securite", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK, "the captured cookie works while signed in");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM auth_tickets t JOIN asp_net_users u ON u.id = t.user_id WHERE u.email = @email", ("email", email)))
            .ShouldBe(1);

        using var signOut = await client.SubmitAsync("/compte/deconnexion", new Dictionary<string, string>(), "main form");
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var replayed = await GetAsync(host, "/compte/securite", cookie);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldContain("/compte/connexion");
        // Another instance (another host over the same database) refuses it too.
        await using var otherInstance = SlowStampHost();
        (await GetAsync(otherInstance, "/compte/securite", cookie)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEveryOtherSessionAtOnce()
    {
        var email = AccountsFixture.UniqueEmail("partout");
        await fixture.CreateUserAsync(email, Password);
        await using var host = SlowStampHost();
        using var laptop = Browser(host);
        using var phone = Browser(host);
        await SignInAsync(laptop, email);
        var phoneCookie = await SignInAsync(phone, email);

        var (_, page) = await laptop.GetAsync("/compte/securite");
        using var everywhere = await laptop.SubmitAsync("/compte/securite", page, new Dictionary<string, string>(), "form[action*=SignOutEverywhere]");
        everywhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await GetAsync(host, "/compte/securite", phoneCookie)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the phone's session ended without waiting for the stamp check");
    }

    [Fact]
    public async Task RemovingAMember_RevokesTheirTokensForGood_AndEndsTheirSessions()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var removedEmail = AccountsFixture.UniqueEmail("retire");
        var removed = await fixture.CreateUserAsync(removedEmail, Password);
        await ApiTokenSite.AddMemberAsync(fixture, tenant, removed.Id, TenantRole.Admin);
        await using var host = SlowStampHost();
        using var browser = Browser(host);
        var cookie = await SignInAsync(browser, removedEmail);
        var token = await ApiTokenSite.CreateTokenAsync(browser, tenant, "script du membre");
        using var api = ApiTokenSite.BearerClient(fixture, token);
        var draft = new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative);
        (await api.GetAsync(draft)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var removal = await admin.SubmitAsync($"/espace/{tenant.Slug}/equipe", new Dictionary<string, string>(), $"form.team-remove[action*='{removed.Id}']");
        removal.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await api.GetAsync(draft)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync(host, "/compte/securite", cookie)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the removed member's session ended");
        var (_, tokens) = await admin.GetAsync($"/espace/{tenant.Slug}/jetons");
        tokens.QuerySelector("table.api-tokens .api-token-state")!.Text().ShouldStartWith("Révoqué");

        // Invited back: a new membership, but the old token stays dead.
        await ApiTokenSite.AddMemberAsync(fixture, tenant, removed.Id, TenantRole.Admin);
        (await api.GetAsync(draft)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        admin.Dispose();
    }

    [Fact]
    public async Task ASessionIsNeverHandedOverToAnotherAccount()
    {
        var first = AccountsFixture.UniqueEmail("premier");
        var second = AccountsFixture.UniqueEmail("second");
        await fixture.CreateUserAsync(first, Password);
        await fixture.CreateUserAsync(second, Password);
        await using var host = SlowStampHost();
        using var browser = Browser(host);
        var cookie = await SignInAsync(browser, first);

        using var other = await browser.SignInAsync(second, Password);

        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountClient.ParseAsync(other)).QuerySelector("[role=alert]")!.Text().ShouldContain("déconnectez-vous d'abord");
        var (_, page) = await browser.GetAsync("/compte/securite");
        page.QuerySelector("main")!.Text().ShouldContain(first);
        (await GetAsync(host, "/compte/securite", cookie)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A host whose security stamp check is too rare to explain a refused cookie: only the server-side session can.</summary>
    private WebApplicationFactory<Program> SlowStampHost() =>
        fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Accounts:SecurityStampValidationInterval", "10:00:00"));

    private static AccountClient Browser(WebApplicationFactory<Program> host) =>
        new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") }));

    /// <summary>Signs in and returns the session cookie as a Cookie header value (what a thief would copy).</summary>
    private static async Task<string> SignInAsync(AccountClient client, string email)
    {
        using var response = await client.SignInAsync(email, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rtes-session=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> host, string url, string cookie)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
