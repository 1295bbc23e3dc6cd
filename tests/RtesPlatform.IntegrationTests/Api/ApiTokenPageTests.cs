using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>The token page (/espace/{slug}/jetons): tenant admins create, list and revoke personal API tokens.</summary>
public sealed partial class ApiTokenPageTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task AdminCreatesAToken_TheSecretIsShownOnce_AndOnlyItsHashIsStored()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;

        var secret = await ApiTokenSite.CreateTokenAsync(admin, tenant, "Synchronisation SIG");

        TokenFormat().IsMatch(secret).ShouldBeTrue(secret);
        var prefix = ApiTokenSite.Prefix(secret);
        var stored = await fixture.Database.QueryAsAdminAsync<byte[]>(
            "SELECT secret_hash FROM api_tokens WHERE tenant_id = @tenant AND prefix = @prefix AND name = 'Synchronisation SIG' AND created_by = @user",
            ("tenant", tenant.Id), ("prefix", prefix), ("user", adminUser.Id));
        stored.ShouldBe(SHA256.HashData(WebEncoders.Base64UrlDecode(secret[(5 + 8 + 1)..])));
        (await ApiTokenSite.AuditCountAsync(fixture, tenant, AuditActions.ApiTokenCreated)).ShouldBe(1);

        var (status, page) = await admin.GetAsync($"/espace/{tenant.Slug}/jetons");
        status.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldNotContain(secret[14..]);
        var row = page.QuerySelectorAll("table.api-tokens tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Synchronisation SIG");
        row.TextContent.ShouldContain($"rtes_{prefix}_…");
        row.TextContent.ShouldContain("jamais");
        row.QuerySelector(".api-token-state")!.TextContent.ShouldBe("Actif");
        page.QuerySelector($"nav.espace-nav a[href='/espace/{tenant.Slug}/jetons']").ShouldNotBeNull();
    }

    [Fact]
    public async Task CreateForm_InvalidInput_ShowsFrenchErrorsNextToTheFields_AndCreatesNothing()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;

        using var response = await admin.SubmitAsync($"/espace/{tenant.Slug}/jetons",
            new Dictionary<string, string> { ["Input.Name"] = "  ", ["Input.ExpiresOn"] = "2001-01-01" }, "form.api-token-create");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#jeton-secret").ShouldBeNull();
        var summary = page.QuerySelector("#erreurs-jeton").ShouldNotBeNull();
        summary.GetAttribute("role").ShouldBe("alert");
        summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["#Input_Name", "#Input_ExpiresOn"], ignoreOrder: true);
        page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Input_Name-error")!.TextContent.ShouldContain("Indiquez un nom");
        page.QuerySelector("#Input_ExpiresOn-error")!.TextContent.ShouldContain("Choisissez une date entre aujourd’hui");
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM api_tokens WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task EditorOfTheTenant_CannotOpenThePageNorCreateAToken()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (editor, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Editor);
        using var _ = editor;

        var (status, _) = await editor.GetAsync($"/espace/{tenant.Slug}/jetons");
        status.ShouldBe(HttpStatusCode.Forbidden);
        var (_, dashboard) = await editor.GetAsync($"/espace/{tenant.Slug}");
        dashboard.QuerySelector($"a[href='/espace/{tenant.Slug}/jetons']").ShouldBeNull();

        var antiforgery = await MatrixAccounts.AntiforgeryTokenAsync(editor, $"/espace/{tenant.Slug}/indicateurs");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["Input.Name"] = "Jeton d'un rédacteur",
        });
        using var post = await editor.Http.PostAsync(new Uri($"/espace/{tenant.Slug}/jetons?handler=Create", UriKind.Relative), content);

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Database.QueryAsAdminAsync<long>("SELECT count(*) FROM api_tokens WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task RevokedToken_Gets401_AndTheListShowsWhoRevokedIt()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        var secret = await ApiTokenSite.CreateTokenAsync(admin, tenant, "Tableur");
        using var api = ApiTokenSite.BearerClient(fixture, secret);
        using (var before = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative)))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var id = await fixture.Database.QueryAsAdminAsync<Guid>("SELECT id FROM api_tokens WHERE prefix = @p", ("p", ApiTokenSite.Prefix(secret)));
        var confirmUrl = $"/espace/{tenant.Slug}/jetons?revoquer={id}";
        var (_, confirm) = await admin.GetAsync(confirmUrl);
        confirm.QuerySelector("#confirmer-revocation")!.TextContent.ShouldContain("Tableur");
        using var revoke = await admin.SubmitAsync(confirmUrl, confirm, new Dictionary<string, string>(), "form.api-token-revoke");
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var after = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));
        await ApiTokenSite.ProblemAsync(after, HttpStatusCode.Unauthorized);
        (await fixture.Database.QueryAsAdminAsync<Guid>("SELECT revoked_by FROM api_tokens WHERE id = @id", ("id", id))).ShouldBe(adminUser.Id);
        (await ApiTokenSite.AuditCountAsync(fixture, tenant, AuditActions.ApiTokenRevoked)).ShouldBe(1);
        var (_, list) = await admin.GetAsync($"/espace/{tenant.Slug}/jetons");
        list.QuerySelector(".notice-success")!.TextContent.ShouldContain("révoqué");
        list.QuerySelector(".api-token-state")!.TextContent.ShouldStartWith("Révoqué le");
        list.QuerySelector($"a[href='{confirmUrl}']").ShouldBeNull();
    }

    [Fact]
    public async Task ExpiredToken_Gets401()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, _) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        var lastDay = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var secret = await ApiTokenSite.CreateTokenAsync(admin, tenant, "Script annuel", lastDay);
        using var api = ApiTokenSite.BearerClient(fixture, secret);
        using (var valid = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative)))
        {
            valid.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await fixture.Database.QueryAsAdminAsync<DateTime?>("SELECT last_used_at FROM api_tokens WHERE prefix = @p", ("p", ApiTokenSite.Prefix(secret)))).ShouldNotBeNull();
        await fixture.Database.ExecuteAsAdminAsync(
            "UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE prefix = @p", ("p", ApiTokenSite.Prefix(secret)));

        using var expired = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));
        await ApiTokenSite.ProblemAsync(expired, HttpStatusCode.Unauthorized);
        var (_, list) = await admin.GetAsync($"/espace/{tenant.Slug}/jetons");
        list.QuerySelector(".api-token-state")!.TextContent.ShouldBe("Expiré");
    }

    [Fact]
    public async Task TokenOfAnAdminRemovedFromTheTeam_NoLongerOpensTheWorkspace()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var (admin, adminUser) = await ApiTokenSite.SignedInMemberAsync(fixture, tenant, TenantRole.Admin);
        using var _ = admin;
        var secret = await ApiTokenSite.CreateTokenAsync(admin, tenant, "Ancien agent");
        await fixture.Database.ExecuteAsAdminAsync(
            "DELETE FROM tenant_memberships WHERE tenant_id = @t AND user_id = @u", ("t", tenant.Id), ("u", adminUser.Id));
        using var api = ApiTokenSite.BearerClient(fixture, secret);

        using var response = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put,
            $"/api/v1/workspace/{tenant.Slug}/draft/sections/programme", """{"narrative": "Après son départ"}""", "\"0\"");

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.NotFound);
        (await ApiTokenSite.DraftRevisionAsync(fixture, tenant)).ShouldBe(0);
    }

    [GeneratedRegex("^rtes_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenFormat();
}
