using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// The site over a fresh database, with mails written to a temporary pickup directory, no delay
/// between mail attempts, and the security stamp checked at every request. One per test class.
/// </summary>
public sealed class AccountsFixture : IAsyncLifetime
{
    private RtesWebFactory? _baseFactory;

    public TestDatabase Database { get; } = new();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "rtes-mail-" + Guid.NewGuid().ToString("N")[..8]);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The application's clock: the system's time unless a test sets it (reset it after).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Extra settings for a class that needs them (rate limits); set before initialisation.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _baseFactory = new RtesWebFactory(Database);
        Factory = _baseFactory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Email:PickupDirectory", MailDirectory);
            builder.UseSetting("Email:RetryDelay", "00:00:00.010");
            builder.UseSetting("Accounts:SecurityStampValidationInterval", "00:00:00");
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_baseFactory is not null)
        {
            await _baseFactory.DisposeAsync();
        }

        await Database.DisposeAsync();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed, over HTTPS.</summary>
    public AccountClient CreateClient() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

    public async Task<RtesUser> CreateUserAsync(string email, string password, bool confirmed = true, string? role = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = confirmed };
        var result = await users.CreateAsync(user, password);
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
            if (!await roles.RoleExistsAsync(role))
            {
                (await roles.CreateAsync(new IdentityRole<Guid>(role))).Succeeded.ShouldBeTrue();
            }

            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        }

        return user;
    }

    /// <summary>
    /// A new network admin with two-factor authentication, signed in through HTTP (password, then
    /// a TOTP code), as the NetworkAdmin policy requires.
    /// </summary>
    public async Task<AccountClient> SignedInNetworkAdminAsync(string password = "Reseau-RTES-2026!")
    {
        var email = UniqueEmail("reseau");
        var user = await CreateUserAsync(email, password, role: NetworkRoles.NetworkAdmin);
        var key = await EnableTwoFactorAsync(user);

        var client = CreateClient();
        using var first = await client.SignInAsync(email, password);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, "password step of the network admin");
        using var second = await client.SubmitAsync(first.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect, "second factor of the network admin");
        return client;
    }

    /// <summary>Turns two-factor authentication on for <paramref name="user"/>; returns the authenticator key.</summary>
    public async Task<string> EnableTwoFactorAsync(RtesUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var tracked = (await users.FindByIdAsync(user.Id.ToString())).ShouldNotBeNull();
        await users.ResetAuthenticatorKeyAsync(tracked);
        var key = (await users.GetAuthenticatorKeyAsync(tracked)).ShouldNotBeNull();
        await users.SetTwoFactorEnabledAsync(tracked, true);
        return key;
    }

    public static string UniqueEmail(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@test.example";

    /// <summary>The mails written so far to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<string> MailsTo(string to) =>
        Directory.Exists(MailDirectory)
            ? [.. Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .Where(text => text.Contains($"To: <{to}>", StringComparison.OrdinalIgnoreCase))]
            : [];
}
