using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>Every error under /api is a ProblemDetails, French by default, English on request; the site keeps its pages.</summary>
public sealed class ApiProblemDetailsTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Theory]
    [InlineData(null, "Ressource introuvable")]
    [InlineData("fr-FR", "Ressource introuvable")]
    [InlineData("en-GB", "Resource not found")]
    [InlineData("de-DE, en;q=0.8, fr;q=0.5", "Resource not found")]
    [InlineData("en;q=0.4, fr;q=0.9", "Ressource introuvable")]
    public async Task UnknownApiRoute_Answers404Problem_InThePreferredLanguage(string? language, string title)
    {
        using var client = Client(fixture);
        var (response, json) = await GetJsonAsync(client, "/api/v1/nothing-here/at-all", language);
        ShouldBeProblem(response, json, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", title);
        json.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("/api/v1/tenants?page=abc", "page")]
    [InlineData("/api/v1/tenants?page=0", "page")]
    [InlineData("/api/v1/tenants?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/tenants?kind=village", "kind")]
    [InlineData("/api/v1/indicators/scop_count/values?year=-5", "year")]
    [InlineData("/api/v1/comparisons/scop_count?year=abc&page=x", "year")]
    public async Task BadQueryValues_Answer400ValidationProblems(string url, string parameter)
    {
        using var client = Client(fixture);
        var (french, frenchJson) = await GetJsonAsync(client, url);
        ShouldBeProblem(french, frenchJson, HttpStatusCode.BadRequest, "urn:rtes:problem:validation", "Paramètres non valides");
        var message = frenchJson.GetProperty("errors").GetProperty(parameter)[0].GetString();

        var (english, englishJson) = await GetJsonAsync(client, url, "en");
        ShouldBeProblem(english, englishJson, HttpStatusCode.BadRequest, "urn:rtes:problem:validation", "Invalid parameters");
        englishJson.GetProperty("errors").GetProperty(parameter)[0].GetString().ShouldNotBe(message);
    }

    [Fact]
    public async Task WrongMethod_Answers405Problem()
    {
        using var client = Client(fixture);
        using var response = await client.DeleteAsync(new Uri("/api/v1/indicators", UriKind.Relative));
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        ShouldBeProblem(response, json, HttpStatusCode.MethodNotAllowed, "urn:rtes:problem:method-not-allowed", "Méthode non autorisée");
    }

    [Fact]
    public async Task UnhandledException_Answers500Problem_WithoutDetailsOfTheException()
    {
        using var failing = fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<PublicTenantQueries>(_ => throw new InvalidOperationException("secret-internal-detail"))));
        using var client = failing.CreateClient();

        var (response, json) = await GetJsonAsync(client, "/api/v1/tenants", "en");

        ShouldBeProblem(response, json, HttpStatusCode.InternalServerError, "urn:rtes:problem:server-error", "Internal server error");
        var body = json.GetRawText();
        body.ShouldNotContain("secret-internal-detail");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
        json.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SitePages_KeepTheirFrenchHtmlErrorPages()
    {
        using var client = Client(fixture);
        using var response = await client.GetAsync(new Uri("/collectivites/personne-" + Guid.NewGuid().ToString("N")[..6], UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page introuvable");
    }
}
