using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.IntegrationTests.Security;

/// <summary>Links in mails never follow the request's Host: the public address is required outside Development.</summary>
public sealed partial class PublicBaseUrlTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task ResetLink_IgnoresAHostileHostHeader()
    {
        var email = AccountsFixture.UniqueEmail("hote");
        await fixture.CreateUserAsync(email, "Adresse-Publique-2026");
        using var client = fixture.CreateClient();
        var (_, form) = await client.GetAsync("/compte/mot-de-passe-oublie");
        client.Http.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.SubmitAsync("/compte/mot-de-passe-oublie", form, new Dictionary<string, string> { ["Input.Email"] = email });

        var mail = fixture.MailsTo(email).ShouldHaveSingleItem();
        mail.ShouldNotContain("evil.example");
        Link().Match(mail).Value.ShouldStartWith(RtesWebFactory.PublicBaseUrl + "compte/reinitialiser-mot-de-passe");
    }

    [Fact]
    public async Task OutsideDevelopment_TheHostRefusesToStartWithoutPublicBaseUrl()
    {
        await using var baseFactory = new RtesWebFactory(fixture.Database);
        await using var production = baseFactory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Email:PublicBaseUrl", null);
        });

        var failure = Should.Throw<Exception>(() => production.Services.GetRequiredService<IOptions<EmailOptions>>());
        (failure.ToString().Contains("PublicBaseUrl", StringComparison.Ordinal)).ShouldBeTrue(failure.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5105", "http://127.0.0.1:5105/")]
    [InlineData("http://*:8080;https://*:8443", "http://localhost:8080/")]
    [InlineData(null, "http://localhost:5000/")]
    public void InDevelopment_TheDefaultIsTheListeningAddress(string? urls, string expected) =>
        PublicBaseUrlSetup.ListeningAddress(urls).ShouldBe(new Uri(expected));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
