using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>
/// The API's per-client rate limit, configured low here (Api:RateLimit:PermitLimit = 3 per minute):
/// the partition is the authenticated principal (token or account), else the client address — a
/// bearer value that does not authenticate buys no bucket of its own.
/// </summary>
public sealed class ApiRateLimitTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task FourthRequestOfAnAnonymousClient_Answers429_AndMadeUpBearerValuesDoNotBuyNewBuckets()
    {
        await using var limited = Limited();
        using var client = Client(limited, null);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative));
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (refused, json) = await GetJsonAsync(client, "/api/v1/indicators", "en");
        ShouldBeProblem(refused, json, HttpStatusCode.TooManyRequests, "urn:rtes:problem:rate-limited", "Too many requests");
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);

        // Junk bearer values (a fresh one each time, both token forms) come from the same address: refused too.
        foreach (var junk in new[] { "junk" + Guid.NewGuid().ToString("N"), "rtes_abcdefgh_" + Guid.NewGuid().ToString("N"), "eyJ" + Guid.NewGuid().ToString("N") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/indicators");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", junk);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"Bearer {junk[..6]}… must not buy a bucket");
        }

        // The site's pages are not counted.
        using var page = await client.GetAsync(new Uri("/collectivites", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AuthenticatedTokens_HaveTheirOwnBuckets_WhateverTheAddressAlreadySpent()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        var first = await ApiTokenSite.CreateTokenAsync(admin, tenant, "premier client");
        var second = await ApiTokenSite.CreateTokenAsync(admin, tenant, "second client");
        admin.Dispose();
        await using var limited = Limited();

        using (var anonymous = Client(limited, null))
        {
            for (var i = 0; i < 4; i++)
            {
                (await anonymous.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).Dispose();
            }
        }

        var draft = $"/api/v1/workspace/{tenant.Slug}/draft";
        using var firstClient = Client(limited, first);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await firstClient.GetAsync(new Uri(draft, UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests && s != HttpStatusCode.Unauthorized);
        statuses[3].ShouldBe(HttpStatusCode.TooManyRequests);
        using var secondClient = Client(limited, second);
        using var other = await secondClient.GetAsync(new Uri(draft, UriKind.Relative));
        other.StatusCode.ShouldBe(statuses[0], "another token, another bucket");
    }

    private WebApplicationFactory<Program> Limited() => fixture.Factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Api:RateLimit:PermitLimit", "3");
        builder.UseSetting("Api:RateLimit:Window", "00:01:00");
    });

    private static HttpClient Client(WebApplicationFactory<Program> factory, string? token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
