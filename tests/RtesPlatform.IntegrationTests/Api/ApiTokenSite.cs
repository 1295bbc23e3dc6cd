using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>What the API tests share: tokens created through the back-office page, API clients without cookies, JSON requests.</summary>
internal static class ApiTokenSite
{
    public const string Password = "Une phrase de passe pour l'API";

    public static async Task<(AccountClient Client, RtesUser User)> SignedInMemberAsync(AccountsFixture fixture, Tenant tenant, string role)
    {
        var email = AccountsFixture.UniqueEmail(role);
        var user = await fixture.CreateUserAsync(email, Password);
        await AddMemberAsync(fixture, tenant, user.Id, role);
        var client = fixture.CreateClient();
        using var signIn = await client.SignInAsync(email, Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of the {role} of {tenant.Slug}");
        return (client, user);
    }

    public static Task AddMemberAsync(AccountsFixture fixture, Tenant tenant, Guid userId, string role) =>
        fixture.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = userId, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

    /// <summary>Creates a token on the tenant's token page as <paramref name="admin"/>; returns the secret shown once.</summary>
    public static async Task<string> CreateTokenAsync(AccountClient admin, Tenant tenant, string name, string? expiresOn = null)
    {
        var values = new Dictionary<string, string> { ["Input.Name"] = name };
        if (expiresOn is not null)
        {
            values["Input.ExpiresOn"] = expiresOn;
        }

        using var response = await admin.SubmitAsync($"/espace/{tenant.Slug}/jetons", values, "form.api-token-create");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl?.NoStore.ShouldBe(true);
        var page = await AccountClient.ParseAsync(response);
        return page.QuerySelector<IHtmlInputElement>("#jeton-secret").ShouldNotBeNull("the secret shown once").Value;
    }

    /// <summary>A client with no cookie at all, sending <paramref name="token"/> as a bearer credential.</summary>
    public static HttpClient BearerClient(AccountsFixture fixture, string? token)
    {
        var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, HttpMethod method, string url, string? json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a ProblemDetails answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return json;
    }

    public static Task<long> AuditCountAsync(AccountsFixture fixture, Tenant tenant, string action) =>
        fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM audit_events WHERE tenant_id = @tenant AND action = @action", ("tenant", tenant.Id), ("action", action));

    public static Task<int> DraftRevisionAsync(AccountsFixture fixture, Tenant tenant) =>
        fixture.Database.QueryAsAdminAsync<int>(
            "SELECT coalesce((SELECT revision FROM fiche_drafts WHERE tenant_id = @tenant), 0)", ("tenant", tenant.Id));

    public static string Prefix(string token) => token.Substring("rtes_".Length, 8);
}
