using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Pages;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.IntegrationTests.Accounts;

public sealed class TwoFactorTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task Setup_ThenSignIn_AsksForTheCodeAndAcceptsTheAuthenticatorsCode()
    {
        var email = AccountsFixture.UniqueEmail("totp");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();
        (await client.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var key = await EnableTwoFactorAsync(client, email);
        await SignOutAsync(client);

        using var firstStep = await client.SignInAsync(email, Password);
        firstStep.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var verification = firstStep.Headers.Location!.OriginalString;
        verification.ShouldStartWith("/compte/deux-facteurs/verification");
        (await client.GetAsync("/compte/securite")).Status.ShouldBe(HttpStatusCode.Redirect);

        using var wrong = await client.SubmitAsync(verification, new Dictionary<string, string> { ["Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The set-up used the current code: single use, it is refused now; the next one is accepted.
        using var reused = await client.SubmitAsync(verification, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var right = await client.SubmitAsync(verification, new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/compte/securite")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnce()
    {
        var email = AccountsFixture.UniqueEmail("recovery");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();
        (await client.SignInAsync(email, Password)).Dispose();
        var (_, codes) = await EnableTwoFactorWithCodesAsync(client, email);
        await SignOutAsync(client);

        using var firstStep = await client.SignInAsync(email, Password);
        var verification = firstStep.Headers.Location!.OriginalString;
        using var recovered = await client.SubmitAsync(verification, new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, "form[action*=Recovery]");

        recovered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await SignOutAsync(client);
        using var again = await client.SignInAsync(email, Password);
        using var reused = await client.SubmitAsync(again.Headers.Location!.OriginalString,
            new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, "form[action*=Recovery]");
        reused.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NetworkAdminWithoutTwoFactor_IsSentToTheSetup_AndThePolicyRefusesUntilItIsDone()
    {
        var email = AccountsFixture.UniqueEmail("reseau");
        var user = await fixture.CreateUserAsync(email, Password, role: NetworkRoles.NetworkAdmin);
        using var client = fixture.CreateClient();

        using var signIn = await client.SignInAsync(email, Password, "/compte/connexion?ReturnUrl=%2Freseau");

        signIn.Headers.Location!.OriginalString.ShouldBe("/compte/deux-facteurs?ReturnUrl=%2Freseau");
        var (_, setup) = await client.GetAsync(signIn.Headers.Location.OriginalString);
        setup.QuerySelector("main")!.Text().ShouldContain("Obligatoire pour les comptes de l'équipe du réseau");
        (await AuthorizeAsync(Principal(user.Id, NetworkRoles.NetworkAdmin))).Succeeded.ShouldBeFalse();

        await EnableTwoFactorAsync(client, email, "/compte/deux-facteurs?ReturnUrl=%2Freseau");

        (await AuthorizeAsync(Principal(user.Id, NetworkRoles.NetworkAdmin, new Claim(AccountClaims.TwoFactorEnabled, "true")))).Succeeded.ShouldBeTrue();
        (await AuthorizeAsync(Principal(user.Id, null, new Claim(AccountClaims.TwoFactorEnabled, "true")))).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task NetworkConsole_ReachableByANetworkAdminOnlyOnceTwoFactorIsEnabled()
    {
        var email = AccountsFixture.UniqueEmail("console");
        await fixture.CreateUserAsync(email, Password, role: NetworkRoles.NetworkAdmin);
        var editorEmail = AccountsFixture.UniqueEmail("not-staff");
        await fixture.CreateUserAsync(editorEmail, Password);
        using var admin = fixture.CreateClient();
        using var editor = fixture.CreateClient();
        using var anonymous = fixture.CreateClient();
        (await admin.SignInAsync(email, Password)).Dispose();
        (await editor.SignInAsync(editorEmail, Password)).Dispose();

        using var beforeSetup = await admin.Http.GetAsync(new Uri("/reseau", UriKind.Relative));
        using var notStaff = await editor.Http.GetAsync(new Uri("/reseau", UriKind.Relative));
        using var signedOut = await anonymous.Http.GetAsync(new Uri("/reseau", UriKind.Relative));

        beforeSetup.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        beforeSetup.Headers.Location!.OriginalString.ShouldBe("/compte/deux-facteurs?ReturnUrl=%2Freseau");
        notStaff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AccountClient.ParseAsync(notStaff)).QuerySelector("h1")!.Text().ShouldBe("Accès refusé");
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldContain("/compte/connexion?ReturnUrl=%2Freseau");

        await EnableTwoFactorAsync(admin, email, "/compte/deux-facteurs?ReturnUrl=%2Freseau");

        (await admin.GetAsync("/reseau")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheOtherSessions()
    {
        var email = AccountsFixture.UniqueEmail("everywhere");
        await fixture.CreateUserAsync(email, Password);
        using var laptop = fixture.CreateClient();
        using var phone = fixture.CreateClient();
        (await laptop.SignInAsync(email, Password)).Dispose();
        (await phone.SignInAsync(email, Password)).Dispose();
        (await phone.GetAsync("/compte/securite")).Status.ShouldBe(HttpStatusCode.OK);

        var (_, page) = await laptop.GetAsync("/compte/securite");
        using var everywhere = await laptop.SubmitAsync("/compte/securite", page, new Dictionary<string, string>(), "form[action*=SignOutEverywhere]");

        everywhere.Headers.Location!.OriginalString.ShouldBe("/compte/connexion");
        (await laptop.GetAsync("/compte/connexion")).Document.QuerySelector("[role=status]")!.Text()
            .ShouldBe("Vous avez été déconnecté de tous les appareils.");
        using var later = await phone.Http.GetAsync(new Uri("/compte/securite", UriKind.Relative));
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        later.Headers.Location!.ToString().ShouldContain("/compte/connexion");
    }

    private static async Task<string> EnableTwoFactorAsync(AccountClient client, string email, string url = "/compte/deux-facteurs") =>
        (await EnableTwoFactorWithCodesAsync(client, email, url)).Key;

    private static async Task<(string Key, IReadOnlyList<string> Codes)> EnableTwoFactorWithCodesAsync(
        AccountClient client, string email, string url = "/compte/deux-facteurs")
    {
        var (status, setup) = await client.GetAsync(url);
        status.ShouldBe(HttpStatusCode.OK);
        var key = setup.QuerySelector("#cle-authentification")!.Text().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var uri = setup.QuerySelector(".otpauth-uri")!.Text();
        uri.ShouldStartWith("otpauth://totp/RTES%3A" + Uri.EscapeDataString(email));
        uri.ShouldContain($"secret={key}&issuer=RTES");

        using var enabled = await client.SubmitAsync(url, setup, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(enabled);
        var codes = page.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        codes.Count.ShouldBe(10);
        return (key, codes);
    }

    private static async Task SignOutAsync(AccountClient client)
    {
        using var response = await client.SubmitAsync("/compte/deconnexion", new Dictionary<string, string>(), "main form");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static ClaimsPrincipal Principal(Guid userId, string? role, params Claim[] claims)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), .. claims], "Identity.Application");
        if (role is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }

    private async Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, Policies.NetworkAdmin);
    }
}
