using System.Net;
using System.Net.Http.Headers;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>ETag / If-None-Match and Last-Modified / If-Modified-Since on every public read.</summary>
public sealed class PublicConditionalGetTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task EveryRead_HasAStrongETagAndLastModified_AndAnswers304WhenUnchanged()
    {
        var tenant = await TenantAsync(fixture);
        await fixture.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("ETAG"));
        await AddValueAsync(fixture, tenant, "scic_count", 2010, 3, ValueVisibility.Public);
        await RefreshAggregatesAsync(fixture);
        using var client = Client(fixture);
        string[] urls =
        [
            "/api/v1/tenants?kind=cc",
            $"/api/v1/tenants/{tenant.Slug}",
            $"/api/v1/tenants/{tenant.Slug}/fiche",
            $"/api/v1/tenants/{tenant.Slug}/fiche/versions/1",
            "/api/v1/indicators",
            "/api/v1/indicators/scic_count",
            "/api/v1/indicators/scic_count/values?year=2010",
            "/api/v1/comparisons/scic_count?year=2010",
        ];

        foreach (var url in urls)
        {
            using var first = await GetAsync(client, url);
            first.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            var etag = ETag(first);
            etag.IsWeak.ShouldBeFalse(url);
            var lastModified = first.Content.Headers.LastModified.ShouldNotBeNull(url);
            lastModified.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1), url);

            using var byTag = await GetAsync(client, url, h => h.IfNoneMatch.Add(etag));
            byTag.StatusCode.ShouldBe(HttpStatusCode.NotModified, url);
            (await byTag.Content.ReadAsByteArrayAsync()).ShouldBeEmpty(url);
            ETag(byTag).ShouldBe(etag, url);

            using var byDate = await GetAsync(client, url, h => h.IfModifiedSince = lastModified);
            byDate.StatusCode.ShouldBe(HttpStatusCode.NotModified, url);

            using var olderDate = await GetAsync(client, url, h => h.IfModifiedSince = lastModified.AddSeconds(-1));
            olderDate.StatusCode.ShouldBe(HttpStatusCode.OK, url);

            using var otherTag = await GetAsync(client, url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
            otherTag.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
    }

    [Fact]
    public async Task APublication_ChangesTheETagAndLastModified_SoTheOldValidatorsNoLongerMatch()
    {
        var tenant = await TenantAsync(fixture);
        await fixture.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("AVANT"));
        using var client = Client(fixture);
        var url = $"/api/v1/tenants/{tenant.Slug}/fiche";
        using var before = await GetAsync(client, url);
        var etag = ETag(before);
        var lastModified = before.Content.Headers.LastModified!.Value;

        await Task.Delay(TimeSpan.FromSeconds(1.1)); // HTTP dates count whole seconds
        await fixture.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("APRES"));

        using var byTag = await GetAsync(client, url, h => h.IfNoneMatch.Add(etag));
        byTag.StatusCode.ShouldBe(HttpStatusCode.OK);
        ETag(byTag).ShouldNotBe(etag);
        (await byTag.Content.ReadAsStringAsync()).ShouldContain("Fiche APRES");

        using var byDate = await GetAsync(client, url, h => h.IfModifiedSince = lastModified);
        byDate.StatusCode.ShouldBe(HttpStatusCode.OK);
        byDate.Content.Headers.LastModified!.Value.ShouldBeGreaterThan(lastModified);
    }
}
