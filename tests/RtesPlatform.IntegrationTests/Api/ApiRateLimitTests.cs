using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using RtesPlatform.IntegrationTests.Accounts;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>The API's per-client rate limit, configured low here (Api:RateLimit:PermitLimit = 3 per minute).</summary>
public sealed class ApiRateLimitTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task FourthRequestOfAClient_Answers429WithRetryAfterAndAProblem_OtherClientsAndPagesUnaffected()
    {
        using var limited = fixture.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Api:RateLimit:PermitLimit", "3");
            builder.UseSetting("Api:RateLimit:Window", "00:01:00");
        });
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (refused, json) = await GetJsonAsync(client, "/api/v1/indicators", "en");
        ShouldBeProblem(refused, json, HttpStatusCode.TooManyRequests, "urn:rtes:problem:rate-limited", "Too many requests");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);

        // Another client (its own bearer token) has its own allowance; the site's pages are not counted.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "another-client-" + Guid.NewGuid().ToString("N"));
        using var otherResponse = await client.SendAsync(other);
        otherResponse.StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        using var page = await client.GetAsync(new Uri("/collectivites", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
