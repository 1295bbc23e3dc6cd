using System.Net;
using System.Text.RegularExpressions;
using RtesPlatform.IntegrationTests.Pages;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.IntegrationTests.Accounts;

public sealed partial class SignInTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task SignIn_ConfirmedAccount_RedirectsWithSecureHttpOnlyLaxCookie()
    {
        var email = AccountsFixture.UniqueEmail("confirmed");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(email, Password, "/compte/connexion?ReturnUrl=%2Fcompte%2Fsecurite");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/compte/securite");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rtes-session=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("path=/", Case.Insensitive);
        cookie.ShouldNotContain("domain=", Case.Insensitive);
        var (status, page) = await client.GetAsync("/compte/securite");
        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("main")!.Text().ShouldContain(email);
        page.QuerySelector("nav")!.Text().ShouldContain("Mon compte");
    }

    [Fact]
    public async Task SecurityPage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var client = fixture.CreateClient();

        using var response = await client.Http.GetAsync(new Uri("/compte/securite", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/compte/connexion?ReturnUrl=%2Fcompte%2Fsecurite");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsFrenchMessageAndKeepsTheEmail()
    {
        var email = AccountsFixture.UniqueEmail("typo");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(email, "pas le bon mot de passe");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("[role=alert]")!.Text().ShouldBe(ConnexionModel.InvalidCredentials);
        page.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(email);
        page.QuerySelector("#Input_Password")!.GetAttribute("value").ShouldBeNullOrEmpty();
    }

    [Fact]
    public async Task SignIn_MissingEmail_ErrorNextToTheFieldTiedByAriaDescribedBy()
    {
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync("", "quelque chose");

        var page = await AccountClient.ParseAsync(response);
        var input = page.QuerySelector("#Input_Email")!;
        input.GetAttribute("aria-invalid").ShouldBe("true");
        var describedBy = input.GetAttribute("aria-describedby").ShouldNotBeNull();
        page.GetElementById(describedBy)!.Text().ShouldBe("Saisissez votre adresse e-mail.");
        page.QuerySelector("label[for=Input_Email]").ShouldNotBeNull();
    }

    [Fact]
    public async Task SignIn_UnconfirmedEmail_RefusedInFrench_ThenTheMailedLinkConfirms()
    {
        var email = AccountsFixture.UniqueEmail("unconfirmed");
        await fixture.CreateUserAsync(email, Password, confirmed: false);
        using var client = fixture.CreateClient();

        using var refused = await client.SignInAsync(email, Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AccountClient.ParseAsync(refused)).QuerySelector("[role=alert]")!.Text()
            .ShouldStartWith("Votre adresse e-mail n'est pas encore confirmée.");
        (refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("rtes-session=", StringComparison.Ordinal));
        var mail = fixture.MailsTo(email).ShouldHaveSingleItem();
        var link = new Uri(LinkPattern().Match(mail).Value);
        link.AbsolutePath.ShouldBe("/compte/confirmer-email");

        var (status, confirmation) = await client.GetAsync(link.PathAndQuery);
        status.ShouldBe(HttpStatusCode.OK);
        confirmation.QuerySelector("h1")!.Text().ShouldBe("Adresse e-mail confirmée");
        using var accepted = await client.SignInAsync(email, Password);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_UnconfirmedEmailWithWrongPassword_SaysNothingAboutTheAccount()
    {
        var email = AccountsFixture.UniqueEmail("unconfirmed-guess");
        await fixture.CreateUserAsync(email, Password, confirmed: false);
        using var client = fixture.CreateClient();

        using var response = await client.SignInAsync(email, "une supposition au hasard");

        (await AccountClient.ParseAsync(response)).QuerySelector("[role=alert]")!.Text().ShouldBe(ConnexionModel.InvalidCredentials);
        fixture.MailsTo(email).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var email = AccountsFixture.UniqueEmail("lockout");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SignInAsync(email, $"mauvais mot de passe {attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var right = await client.SignInAsync(email, Password);

        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        // The same words as for an unknown address: the lockout is stated, not revealed.
        (await AccountClient.ParseAsync(right)).QuerySelector("[role=alert]")!.Text().ShouldBe(ConnexionModel.InvalidCredentials);
        (await fixture.Database.QueryAsAdminAsync<DateTime>(
            "SELECT lockout_end FROM asp_net_users WHERE email = @email", ("email", email)))
            .ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(14));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
