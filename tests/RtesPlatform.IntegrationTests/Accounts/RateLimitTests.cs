using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using RtesPlatform.IntegrationTests.Api;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// The account throttle: failures (not successes) count per email (10) and per client address
/// (100 by default, lowered here where tested), on the sign-in page and the token endpoints alike.
/// </summary>
public sealed class RateLimitTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Limites-RTES-2026-phrase";

    [Fact]
    public async Task SignIn_EleventhAttemptForOneEmail_Answers429WithRetryAfterAndAFrenchPage()
    {
        var email = AccountsFixture.UniqueEmail("flood");
        using var client = fixture.CreateClient();
        var (_, form) = await client.GetAsync("/compte/connexion");

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var allowed = await client.SubmitAsync("/compte/connexion", form,
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "essai numéro " + attempt });
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await client.SubmitAsync("/compte/connexion", form,
            new Dictionary<string, string> { ["Input.Email"] = email.ToUpperInvariant(), ["Input.Password"] = "encore un essai" });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 300);
        var page = await AccountClient.ParseAsync(refused);
        page.QuerySelector("h1")!.Text().ShouldBe("Trop de tentatives");

        // Another address from the same client is not blocked by the first one's limit.
        using var other = await client.SubmitAsync("/compte/connexion", form,
            new Dictionary<string, string> { ["Input.Email"] = AccountsFixture.UniqueEmail("other"), ["Input.Password"] = "un essai" });
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SuccessfulSignIns_DoNotCount_OnThePageOrTheTokenEndpoint()
    {
        var email = AccountsFixture.UniqueEmail("habitue");
        await fixture.CreateUserAsync(email, Password);
        for (var i = 0; i < 14; i++)
        {
            using var client = fixture.CreateClient();
            using var signIn = await client.SignInAsync(email, Password);
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in number {i + 1}");
        }

        using var api = ApiTokenSite.BearerClient(fixture, null);
        for (var i = 0; i < 14; i++)
        {
            using var token = await TokenAsync(api, email, Password);
            token.StatusCode.ShouldBe(HttpStatusCode.OK, $"token request number {i + 1}");
        }
    }

    [Fact]
    public async Task TokenEndpoint_SharesThePagesPerEmailLimit_AndAnswersAProblem()
    {
        var email = AccountsFixture.UniqueEmail("api-flood");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.SignInAsync(email, "pas le bon " + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var api = ApiTokenSite.BearerClient(fixture, null);
        for (var i = 0; i < 5; i++)
        {
            (await TokenAsync(api, email, "toujours pas " + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var refused = await TokenAsync(api, email, Password);
        var problem = await ApiTokenSite.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        problem.GetProperty("type").GetString().ShouldBe("urn:rtes:problem:rate-limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task PerAddressLimit_CountsFailuresOfEveryEmail_ThenRefusesTokenAndRefreshRequestsToo()
    {
        await using var strict = fixture.Factory.WithWebHostBuilder(builder => builder.UseSetting("Accounts:RateLimitPerAddress", "6"));
        using var api = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < 4; i++)
        {
            (await TokenAsync(api, AccountsFixture.UniqueEmail("inconnu"), "un essai")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        for (var i = 0; i < 2; i++)
        {
            using var refresh = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, "/api/v1/auth/refresh", JsonSerializer.Serialize(new { refreshToken = "faux-" + i }));
            refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TokenAsync(api, AccountsFixture.UniqueEmail("encore"), "un essai")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var blocked = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, "/api/v1/auth/refresh", JsonSerializer.Serialize(new { refreshToken = "faux" }));
        blocked.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task ForgotPassword_TooManyRequestsForOneEmail_Answers429()
    {
        var email = AccountsFixture.UniqueEmail("reset-flood");
        using var client = fixture.CreateClient();
        var (_, form) = await client.GetAsync("/compte/mot-de-passe-oublie");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 1; attempt <= 11; attempt++)
        {
            using var response = await client.SubmitAsync("/compte/mot-de-passe-oublie", form,
                new Dictionary<string, string> { ["Input.Email"] = email });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        ApiTokenSite.SendJsonAsync(client, HttpMethod.Post, "/api/v1/auth/token", JsonSerializer.Serialize(new { email, password }));
}
