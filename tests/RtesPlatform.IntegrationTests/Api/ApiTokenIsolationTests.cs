using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.ApiTokens;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>
/// A personal token acts on its own tenant only, even for a user who belongs to others; the API
/// never accepts the session cookie; what is not a valid token gets 401 ProblemDetails.
/// </summary>
public sealed class ApiTokenIsolationTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task TokenOfTenantA_OnTenantBRoutes_IsRefused_AndBIsUnchanged_EvenForAnAdminOfBoth()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await ApiTokenSite.SignedInMemberAsync(fixture, a, TenantRole.Admin);
        using var _ = admin;
        await ApiTokenSite.AddMemberAsync(fixture, b, adminUser.Id, TenantRole.Admin);
        var secretOfA = await ApiTokenSite.CreateTokenAsync(admin, a, "Jeton de A");
        using var api = ApiTokenSite.BearerClient(fixture, secretOfA);
        var bWorkspace = $"/api/v1/workspace/{b.Slug}";

        using var read = await api.GetAsync(new Uri($"{bWorkspace}/draft", UriKind.Relative));
        using var save = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{bWorkspace}/draft/sections/programme",
            """{"narrative": "Écrit avec le jeton de A"}""", "\"0\"");
        using var publish = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, $"{bWorkspace}/publications", null);
        using var value = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put, $"{bWorkspace}/indicators/staff_fte/values/2024",
            """{"value": 2, "sourceTitle": "Jeton de A"}""");

        foreach (var response in new[] { read, save, publish, value })
        {
            var problem = await ApiTokenSite.ProblemAsync(response, HttpStatusCode.NotFound);
            problem.ToString().ShouldNotContain(b.Name);
        }

        (await ApiTokenSite.DraftRevisionAsync(fixture, b)).ShouldBe(0);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", b.Id))).ShouldBe(0);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM indicator_values WHERE tenant_id = @t", ("t", b.Id))).ShouldBe(0);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM audit_events WHERE tenant_id = @t", ("t", b.Id))).ShouldBe(0);

        // The same token still works on its own tenant.
        using var own = await api.GetAsync(new Uri($"/api/v1/workspace/{a.Slug}/draft", UriKind.Relative));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SessionCookieAlone_OnTheApi_Gets401ProblemDetails_NotARedirect()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        (await admin.GetAsync($"/espace/{tenant.Slug}")).Status.ShouldBe(HttpStatusCode.OK, "the cookie opens the back office");

        using var read = await admin.Http.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));
        using var save = await ApiTokenSite.SendJsonAsync(admin.Http, HttpMethod.Put,
            $"/api/v1/workspace/{tenant.Slug}/draft/sections/programme", """{"narrative": "Par le cookie"}""", "\"0\"");

        foreach (var response in new[] { read, save })
        {
            await ApiTokenSite.ProblemAsync(response, HttpStatusCode.Unauthorized);
            response.Headers.Location.ShouldBeNull();
            response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        }

        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("n-importe-quoi")]
    [InlineData("rtes_0000000_trop-court")]
    [InlineData("rtes_zzzzzzzz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MissingMalformedOrForeignCredential_Gets401(string? credential)
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        using var api = ApiTokenSite.BearerClient(fixture, credential);

        using var response = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WellFormedTokenThatWasNeverIssued_Gets401()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (unknown, _, _) = ApiTokenSecrets.NewToken();
        using var api = ApiTokenSite.BearerClient(fixture, unknown);

        using var response = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiTokensTable_WithoutTheTenant_ShowsNoRowToTheApplication()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        await ApiTokenSite.CreateTokenAsync(admin, tenant, "Sous RLS");

        (await fixture.Database.QueryAsAppAsync<long>("SELECT count(*) FROM api_tokens")).ShouldBe(0);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM api_tokens WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(1);
    }
}
