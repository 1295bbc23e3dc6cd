using System.Net;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Accounts;

public sealed class RateLimitTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
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
}
