using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>ASP.NET Core Identity bearer tokens: POST /api/v1/auth/token and /auth/refresh, under the sign-in page's rules.</summary>
public sealed class BearerTokenTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe pour les jetons";

    [Fact]
    public async Task EditorToken_ReadsAndSavesTheDraft_WithoutAnyCookie()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = AccountsFixture.UniqueEmail("redacteur");
        var user = await fixture.CreateUserAsync(email, Password);
        await ApiTokenSite.AddMemberAsync(fixture, tenant, user.Id, TenantRole.Editor);
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);

        using var issued = await RequestTokenAsync(anonymous, new { email, password = Password });

        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        issued.Headers.Contains("Set-Cookie").ShouldBeFalse();
        var body = await ApiTokenSite.JsonAsync(issued);
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresIn").GetInt64().ShouldBe(3600);
        using var api = ApiTokenSite.BearerClient(fixture, body.GetProperty("accessToken").GetString());
        using var save = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Put,
            $"/api/v1/workspace/{tenant.Slug}/draft/sections/programme", """{"narrative": "Par un jeton Identity"}""", "\"0\"");
        save.StatusCode.ShouldBe(HttpStatusCode.OK, await save.Content.ReadAsStringAsync());
        (await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT updated_by FROM fiche_drafts WHERE tenant_id = @t", ("t", tenant.Id))).ShouldBe(email);
    }

    [Fact]
    public async Task TokenOfAUserOutsideTheTeam_Gets404()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = AccountsFixture.UniqueEmail("externe");
        await fixture.CreateUserAsync(email, Password);
        using var api = await SignedInApiAsync(new { email, password = Password });

        using var response = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongPassword_Gets401_AndFiveOfThemLockTheAccount()
    {
        var email = AccountsFixture.UniqueEmail("verrou");
        await fixture.CreateUserAsync(email, Password);
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await RequestTokenAsync(anonymous, new { email, password = "pas le bon mot de passe" });
            (await ApiTokenSite.ProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString()
                .ShouldBe(ConnexionModel.InvalidCredentials);
        }

        using var right = await RequestTokenAsync(anonymous, new { email, password = Password });
        // Locked: refused like an unknown account (the lockout is not revealed to whoever guesses).
        (await ApiTokenSite.ProblemAsync(right, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().ShouldBe(ConnexionModel.InvalidCredentials);
    }

    [Fact]
    public async Task UnconfirmedEmail_Gets403_OnlyWithTheRightPassword()
    {
        var email = AccountsFixture.UniqueEmail("non-confirme");
        await fixture.CreateUserAsync(email, Password, confirmed: false);
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);

        using var wrong = await RequestTokenAsync(anonymous, new { email, password = "pas le bon mot de passe" });
        using var right = await RequestTokenAsync(anonymous, new { email, password = Password });

        await ApiTokenSite.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        (await ApiTokenSite.ProblemAsync(right, HttpStatusCode.Forbidden)).GetProperty("detail").GetString()!.ShouldContain("pas encore confirmée");
    }

    [Fact]
    public async Task TwoFactorAccount_GetsATokenOnlyWithItsSecondFactor()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var email = AccountsFixture.UniqueEmail("deux-facteurs");
        var user = await fixture.CreateUserAsync(email, Password);
        await ApiTokenSite.AddMemberAsync(fixture, tenant, user.Id, TenantRole.Editor);
        var (key, recoveryCodes) = await EnableTwoFactorAsync(user.Id);
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);

        using var passwordOnly = await RequestTokenAsync(anonymous, new { email, password = Password });
        var problem = await ApiTokenSite.ProblemAsync(passwordOnly, HttpStatusCode.Unauthorized);
        problem.GetProperty("twoFactorRequired").GetBoolean().ShouldBeTrue();
        using var wrongCode = await RequestTokenAsync(anonymous, new { email, password = Password, twoFactorCode = "000000" == Totp.Code(key) ? "111111" : "000000" });
        (await ApiTokenSite.ProblemAsync(wrongCode, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().ShouldBe("Code de double authentification incorrect.");

        using var withCode = await RequestTokenAsync(anonymous, new { email, password = Password, twoFactorCode = Totp.Code(key) });
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK, await withCode.Content.ReadAsStringAsync());
        using var api = ApiTokenSite.BearerClient(fixture, (await ApiTokenSite.JsonAsync(withCode)).GetProperty("accessToken").GetString());
        using var read = await api.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/draft", UriKind.Relative));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var withRecovery = await RequestTokenAsync(anonymous, new { email, password = Password, twoFactorRecoveryCode = recoveryCodes[0] });
        withRecovery.StatusCode.ShouldBe(HttpStatusCode.OK, await withRecovery.Content.ReadAsStringAsync());
        using var reused = await RequestTokenAsync(anonymous, new { email, password = Password, twoFactorRecoveryCode = recoveryCodes[0] });
        await ApiTokenSite.ProblemAsync(reused, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_GivesANewToken_UntilTheAccountsSecurityStampChanges()
    {
        var email = AccountsFixture.UniqueEmail("renouvellement");
        var user = await fixture.CreateUserAsync(email, Password);
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);
        using var issued = await RequestTokenAsync(anonymous, new { email, password = Password });
        var refreshToken = (await ApiTokenSite.JsonAsync(issued)).GetProperty("refreshToken").GetString();

        using var refreshed = await PostJsonAsync(anonymous, "/api/v1/auth/refresh", new { refreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        (await ApiTokenSite.JsonAsync(refreshed)).GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();

        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
            (await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id.ToString()))!)).Succeeded.ShouldBeTrue();
        }

        using var afterChange = await PostJsonAsync(anonymous, "/api/v1/auth/refresh", new { refreshToken });
        await ApiTokenSite.ProblemAsync(afterChange, HttpStatusCode.Unauthorized);
        using var garbage = await PostJsonAsync(anonymous, "/api/v1/auth/refresh", new { refreshToken = "n-importe-quoi" });
        await ApiTokenSite.ProblemAsync(garbage, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{pas du json")]
    [InlineData("""{"email": 42, "password": "x"}""")]
    [InlineData("""{"email": ""}""")]
    public async Task TokenRequest_Unreadable_Gets400(string body)
    {
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);

        using var response = await ApiTokenSite.SendJsonAsync(anonymous, HttpMethod.Post, "/api/v1/auth/token", body);

        await ApiTokenSite.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, object body) => PostJsonAsync(client, "/api/v1/auth/token", body);

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) =>
        ApiTokenSite.SendJsonAsync(client, HttpMethod.Post, url, JsonSerializer.Serialize(body));

    private async Task<HttpClient> SignedInApiAsync(object credentials)
    {
        using var anonymous = ApiTokenSite.BearerClient(fixture, null);
        using var issued = await RequestTokenAsync(anonymous, credentials);
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        return ApiTokenSite.BearerClient(fixture, (await ApiTokenSite.JsonAsync(issued)).GetProperty("accessToken").GetString());
    }

    private async Task<(string Key, string[] RecoveryCodes)> EnableTwoFactorAsync(Guid userId)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var user = (await users.FindByIdAsync(userId.ToString())).ShouldNotBeNull();
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user)).ShouldNotBeNull();
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 2)).ShouldNotBeNull().ToArray();
        return (key, codes);
    }
}
