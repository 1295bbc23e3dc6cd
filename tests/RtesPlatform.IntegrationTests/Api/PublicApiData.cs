using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>Seeding and reading helpers of the public API tests (each test seeds its own tenants).</summary>
internal static class PublicApiData
{
    public static async Task<Tenant> TenantAsync(AccountsFixture fixture) =>
        await fixture.Database.CreateTenantAsync(TestSirens.Next());

    public static Task AddValueAsync(
        AccountsFixture fixture, Tenant tenant, string indicator, int year, decimal value, ValueVisibility visibility, string source = "Rapport") =>
        fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                TenantId = tenant.Id, IndicatorCode = indicator, Year = year, Value = value, Visibility = visibility,
                Origin = ValueOrigin.Manual, SourceTitle = source, SourceUrl = "https://example.org/" + tenant.Slug,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    public static Task RefreshAggregatesAsync(AccountsFixture fixture) =>
        fixture.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);

    public static Task SuspendAsync(AccountsFixture fixture, Tenant tenant) =>
        fixture.Database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", tenant.Id));

    public static HttpClient Client(AccountsFixture fixture) => fixture.Factory.CreateClient();

    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(
        HttpClient client, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    public static async Task<JsonElement> OkJsonAsync(HttpClient client, string url)
    {
        var (response, json) = await GetJsonAsync(client, url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return json;
    }

    /// <summary>Checks an answer is a problem of the API: status, media type, stable type, title.</summary>
    public static void ShouldBeProblem(HttpResponseMessage response, JsonElement json, HttpStatusCode status, string type, string title)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.GetProperty("type").GetString().ShouldBe(type);
        json.GetProperty("title").GetString().ShouldBe(title);
    }

    public static List<string> Slugs(JsonElement items, string property = "slug") =>
        [.. items.EnumerateArray().Select(i => (property == "slug" ? i : i.GetProperty("tenant")).GetProperty("slug").GetString()!)];

    /// <summary>The target of a <c>Link</c> header relation, or null.</summary>
    public static string? Link(HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in string.Join(",", values).Split(", <"))
        {
            var link = part.TrimStart('<');
            if (link.EndsWith($"rel=\"{rel}\"", StringComparison.Ordinal))
            {
                return link[..link.IndexOf('>', StringComparison.Ordinal)];
            }
        }

        return null;
    }

    public static EntityTagHeaderValue ETag(HttpResponseMessage response) => response.Headers.ETag.ShouldNotBeNull();
}
