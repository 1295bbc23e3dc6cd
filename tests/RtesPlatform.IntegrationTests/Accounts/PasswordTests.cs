using System.Net;
using System.Text.RegularExpressions;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Accounts;

public sealed partial class PasswordTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task Reset_ThroughTheMailedLink_RefusesShortAndCommonPasswords_ThenSignsInWithTheNewOne()
    {
        var email = AccountsFixture.UniqueEmail("reset");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();

        using var asked = await client.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email });
        (await AccountClient.ParseAsync(asked)).QuerySelector("[role=status]")!.Text().ShouldStartWith("Si un compte existe pour cette adresse");
        var mail = fixture.MailsTo(email).ShouldHaveSingleItem();
        mail.ShouldContain("Content-Type: text/plain; charset=utf-8");
        var link = new Uri(LinkPattern().Match(mail).Value);
        link.AbsolutePath.ShouldBe("/compte/reinitialiser-mot-de-passe");

        var (_, form) = await client.GetAsync(link.PathAndQuery);
        form.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(email);
        var tooShort = await PostNewPasswordAsync(client, link.PathAndQuery, form, "court-123");
        FieldError(tooShort, "Input_Password").ShouldBe("Le mot de passe doit contenir au moins 12 caractères.");
        var common = await PostNewPasswordAsync(client, link.PathAndQuery, form, "Motdepasse2026!");
        FieldError(common, "Input_Password").ShouldStartWith("Ce mot de passe est trop courant");
        common.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(email);

        var done = await PostNewPasswordAsync(client, link.PathAndQuery, form, "Trois mots au hasard sous la pluie");
        done.QuerySelector("[role=status]")!.Text().ShouldStartWith("Votre mot de passe a été modifié.");

        using var old = await client.SignInAsync(email, Password);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var signedIn = await client.SignInAsync(email, "Trois mots au hasard sous la pluie");
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Reset_LinkUsedTwice_IsRefusedTheSecondTime()
    {
        var email = AccountsFixture.UniqueEmail("reset-twice");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();
        (await client.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email })).Dispose();
        var link = new Uri(LinkPattern().Match(fixture.MailsTo(email).Single()).Value).PathAndQuery;
        var (_, form) = await client.GetAsync(link);
        (await PostNewPasswordAsync(client, link, form, "Premier nouveau mot de passe")).QuerySelector("[role=status]").ShouldNotBeNull();

        var again = await PostNewPasswordAsync(client, link, form, "Second nouveau mot de passe");

        again.QuerySelector("[role=alert]")!.Text().ShouldStartWith("Ce lien n'est plus valide");
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoMail()
    {
        var email = AccountsFixture.UniqueEmail("nobody");
        using var client = fixture.CreateClient();

        using var response = await client.SubmitAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Input.Email"] = email });

        (await AccountClient.ParseAsync(response)).QuerySelector("[role=status]")!.Text().ShouldStartWith("Si un compte existe pour cette adresse");
        fixture.MailsTo(email).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangePassword_TooShortOrCommonOrWrongCurrent_ClearFrenchMessagesNextToTheFields()
    {
        var email = AccountsFixture.UniqueEmail("change");
        await fixture.CreateUserAsync(email, Password);
        using var client = fixture.CreateClient();
        (await client.SignInAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var tooShort = await ChangeAsync(client, Password, "court-123");
        FieldError(tooShort, "Input_Password").ShouldBe("Le mot de passe doit contenir au moins 12 caractères.");
        var common = await ChangeAsync(client, Password, "azertyuiop123");
        FieldError(common, "Input_Password").ShouldStartWith("Ce mot de passe est trop courant");
        var wrongCurrent = await ChangeAsync(client, "pas le mot de passe actuel", "Un autre mot de passe tout neuf");
        FieldError(wrongCurrent, "Input_CurrentPassword").ShouldBe("Le mot de passe actuel est incorrect.");
        var mismatch = await ChangeAsync(client, Password, "Un autre mot de passe tout neuf", "Un autre mot de passe");
        FieldError(mismatch, "Input_ConfirmPassword").ShouldBe("Les deux mots de passe ne sont pas identiques.");

        using var changed = await client.SubmitAsync("/compte/securite", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.Password"] = "Un autre mot de passe tout neuf",
            ["Input.ConfirmPassword"] = "Un autre mot de passe tout neuf",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, page) = await client.GetAsync("/compte/securite");
        page.QuerySelector("[role=status]")!.Text().ShouldStartWith("Votre mot de passe a été modifié.");
    }

    private static async Task<AngleSharp.Dom.IDocument> ChangeAsync(AccountClient client, string current, string password, string? confirm = null)
    {
        using var response = await client.SubmitAsync("/compte/securite", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await AccountClient.ParseAsync(response);
    }

    private static async Task<AngleSharp.Dom.IDocument> PostNewPasswordAsync(AccountClient client, string url, AngleSharp.Dom.IDocument form, string password)
    {
        using var response = await client.SubmitAsync(url, form, new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await AccountClient.ParseAsync(response);
    }

    /// <summary>The error a screen reader announces with the field: the element its aria-describedby names.</summary>
    private static string FieldError(AngleSharp.Dom.IDocument page, string inputId)
    {
        var input = page.GetElementById(inputId).ShouldNotBeNull();
        input.GetAttribute("aria-invalid").ShouldBe("true");
        var ids = input.GetAttribute("aria-describedby").ShouldNotBeNull().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return page.GetElementById(ids[^1]).ShouldNotBeNull().Text();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
