using System.Net;
using RtesPlatform.IntegrationTests.Pages;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Api;
using RtesPlatform.Web.Pages.Compte;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// User enumeration by behaviour, not by stopwatch: an unknown email, a wrong password and a locked
/// account each cost exactly one password verification (the hasher is counted) and get the same
/// answer, on the sign-in page and at the token endpoint.
/// </summary>
public sealed class EnumerationTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Enumeration-RTES-2026";

    [Fact]
    public async Task UnknownWrongAndLockedAccounts_CostOneHashAndGetTheSameAnswer_OnThePageAndTheApi()
    {
        var hasher = new CountingHasher();
        await using var host = fixture.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<RtesUser>>(hasher)));
        var known = AccountsFixture.UniqueEmail("connu");
        var locked = AccountsFixture.UniqueEmail("bloque");
        await CreateUserAsync(host, known);
        await CreateUserAsync(host, locked);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }

        var cases = new (string Name, string Email, string Password)[]
        {
            ("unknown email", AccountsFixture.UniqueEmail("inconnu"), "un mot de passe"),
            ("wrong password", known, "pas le bon mot de passe"),
            ("locked account, right password", locked, Password),
        };
        using var page = new AccountClient(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        using var api = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        foreach (var (name, email, password) in cases)
        {
            var before = hasher.Verifications;
            using var signIn = await page.SignInAsync(email, password);
            hasher.Verifications.ShouldBe(before + 1, $"sign-in page, {name}: one password verification");
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await AccountClient.ParseAsync(signIn)).QuerySelector("[role=alert]")!.Text().ShouldBe(ConnexionModel.InvalidCredentials, name);

            before = hasher.Verifications;
            using var token = await ApiTokenSite.SendJsonAsync(api, HttpMethod.Post, "/api/v1/auth/token", JsonSerializer.Serialize(new { email, password }));
            hasher.Verifications.ShouldBe(before + 1, $"token endpoint, {name}: one password verification");
            (await ApiTokenSite.ProblemAsync(token, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString().ShouldBe(ConnexionModel.InvalidCredentials, name);
        }

        // The control: the right password of an open account is verified once too, and works.
        var control = hasher.Verifications;
        using var right = await page.SignInAsync(known, Password);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        hasher.Verifications.ShouldBe(control + 1);
    }

    private static async Task CreateUserAsync(WebApplicationFactory<Program> host, string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        (await users.CreateAsync(new RtesUser { UserName = email, Email = email, EmailConfirmed = true }, Password)).Succeeded.ShouldBeTrue();
    }

    /// <summary>Identity's hasher, counting verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<RtesUser>
    {
        private readonly PasswordHasher<RtesUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(RtesUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(RtesUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
