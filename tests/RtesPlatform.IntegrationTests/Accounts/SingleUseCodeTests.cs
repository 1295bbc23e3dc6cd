using System.Net;
using RtesPlatform.IntegrationTests.Pages;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Api;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// An authenticator code is accepted once, across the token endpoint and the web 2FA page: the last
/// accepted time step is recorded per user and that step or an earlier one is refused.
/// </summary>
public sealed class SingleUseCodeTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Codes-RTES-2026-phrase";

    [Fact]
    public async Task ACode_IsAcceptedOnce_ByTheApiAndThePage_AndEarlierStepsAreRefused()
    {
        var email = AccountsFixture.UniqueEmail("code-unique");
        var key = await TwoFactorUserAsync(email);
        using var api = ApiTokenSite.BearerClient(fixture, null);
        var now = DateTimeOffset.UtcNow;

        (await TokenAsync(api, email, Totp.Code(key, now))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ApiTokenSite.ProblemAsync(await TokenAsync(api, email, Totp.Code(key, now)), HttpStatusCode.Unauthorized))
            .GetProperty("twoFactorRequired").GetBoolean().ShouldBeTrue("the same code at the API again");

        using var browser = fixture.CreateClient();
        using var first = await browser.SignInAsync(email, Password);
        var verification = first.Headers.Location!.OriginalString;
        using var reused = await browser.SubmitAsync(verification, new Dictionary<string, string> { ["Code"] = Totp.Code(key, now) });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK, "the API's code on the page");
        (await AccountClient.ParseAsync(reused)).QuerySelector("#Code-error, .field-error")!.Text().ShouldContain("déjà servi");

        using var next = await browser.SubmitAsync(verification, new Dictionary<string, string> { ["Code"] = Totp.Code(key, now.AddSeconds(30)) });
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the next step's code");
        (await TokenAsync(api, email, Totp.Code(key, now.AddSeconds(30)))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the page's code at the API");
        (await TokenAsync(api, email, Totp.Code(key, now.AddSeconds(-30)))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "an earlier step");
    }

    [Fact]
    public async Task ConcurrentUsesOfOneCode_OnlyOneWins()
    {
        var email = AccountsFixture.UniqueEmail("code-course");
        var key = await TwoFactorUserAsync(email);
        var code = Totp.Code(key);
        using var api = ApiTokenSite.BearerClient(fixture, null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => TokenAsync(api, email, code)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBe(5);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private async Task<string> TwoFactorUserAsync(string email)
    {
        var user = await fixture.CreateUserAsync(email, Password);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var tracked = (await users.FindByIdAsync(user.Id.ToString())).ShouldNotBeNull();
        await users.ResetAuthenticatorKeyAsync(tracked);
        var key = (await users.GetAuthenticatorKeyAsync(tracked)).ShouldNotBeNull();
        await users.SetTwoFactorEnabledAsync(tracked, true);
        return key;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string code) =>
        ApiTokenSite.SendJsonAsync(client, HttpMethod.Post, "/api/v1/auth/token",
            JsonSerializer.Serialize(new { email, password = Password, twoFactorCode = code }));
}
