using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>
/// The site over a fresh database for the fuzzing and CSRF tests: a tenant with a published fiche,
/// its admin and a network admin signed in over HTTP (their cookies kept as a header value, so a
/// fuzzed sign-out cannot end the session), every error logged by the host captured, and account
/// rate limits raised so that the fuzzer reaches the sign-in forms' handlers.
/// </summary>
public sealed class FuzzSite : IAsyncLifetime
{
    public const string Password = "Fuzz-RTES-2026-phrase!";

    private RtesWebFactory? _baseFactory;

    public TestDatabase Database { get; } = new();

    public LogCapture Logs { get; } = new();

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "rtes-fuzz-mail-" + Guid.NewGuid().ToString("N")[..8]);

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public Tenant TenantA { get; private set; } = null!;

    /// <summary>The tenant the network console's suspend buttons are pointed at, so that the back office of A stays open.</summary>
    public Tenant Sacrificed { get; private set; } = null!;

    public Session Anonymous { get; private set; } = null!;

    public Session TenantAdmin { get; private set; } = null!;

    public Session NetworkAdmin { get; private set; } = null!;

    /// <summary>
    /// A signed-in person outside any team, for the account pages whose forms end or renew sessions
    /// ("sign out of every device", password change, two-factor set-up): sessions live on the server,
    /// so a fuzzed one would end the tenant admin's for the rest of the run.
    /// </summary>
    public Session Bystander { get; private set; } = null!;

    /// <summary>A personal API token of the tenant admin, for the officers' API routes.</summary>
    public string ApiToken { get; private set; } = null!;

    /// <summary>The sessions, most privileged on a tenant's pages first.</summary>
    public IReadOnlyList<Session> Sessions => [TenantAdmin, NetworkAdmin, Anonymous];

    public static Uri BaseAddress { get; } = new("https://localhost");

    /// <summary>A signed-in (or anonymous) browser: its cookies and the antiforgery token bound to it.</summary>
    public sealed record Session(string Name, string Cookies, string Token);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _baseFactory = new RtesWebFactory(Database);
        Factory = _baseFactory.WithWebHostBuilder(builder =>
        {
            // The compressed static files (.gz) the asset manifest lists live in obj/ until the app is
            // published: without this they would be missing in the "Testing" environment.
            builder.UseStaticWebAssets();
            builder.UseSetting("Email:PickupDirectory", MailDirectory);
            builder.UseSetting("Email:RetryDelay", "00:00:00.010");
            builder.UseSetting("Accounts:RateLimitPerAddress", "10000");
            builder.UseSetting("Accounts:RateLimitPerEmail", "10000");
            // A fuzzed "sign out everywhere" must not end the sessions the fuzzer uses.
            builder.UseSetting("Accounts:SecurityStampValidationInterval", "10:00:00");
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        });
        TenantA = await Database.CreateTenantAsync(TestSirens.Next());
        await Database.SaveAndPublishAsync(TenantA, FicheSamples.WithMarker("fuzz"));
        Sacrificed = await Database.CreateTenantAsync(TestSirens.Next());
        await LegacyImport.ImportPagesTests.EnsureMatrixRunAsync(Database);
        await Campaigns.CampaignPageTests.EnsureMatrixCampaignAsync(Database);

        Anonymous = await SessionAsync("anonymous", new CookieContainer(), "/compte/connexion");
        TenantAdmin = await SignInMemberAsync(TenantA, TenantRole.Admin);
        NetworkAdmin = await SignInNetworkAdminAsync();
        Bystander = await SignInBystanderAsync();
        ApiToken = await CreateApiTokenAsync();
    }

    private async Task<Session> SignInBystanderAsync()
    {
        var email = AccountsFixture.UniqueEmail("fuzz-passant");
        await CreateUserAsync(email, role: null);
        var cookies = new CookieContainer();
        using (var client = Factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)))
        {
            using var response = await SubmitAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in of the bystander");
        }

        // The set-up page creates the authenticator key and renews the session first: read the cookie after it.
        return await SessionAsync("bystander", cookies, "/compte/deux-facteurs");
    }

    /// <summary>Creates a personal token on the token page as the tenant admin; returns its secret.</summary>
    private async Task<string> CreateApiTokenAsync()
    {
        using var client = CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/espace/{TenantA.Slug}/jetons?handler=Create", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "fuzz", ["__RequestVerificationToken"] = TenantAdmin.Token }),
        };
        Authenticate(request, TenantAdmin);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "token created by the tenant admin");
        var page = await AccountClient.ParseAsync(response);
        return page.QuerySelector("#jeton-secret")?.GetAttribute("value").ShouldNotBeNull("the token's secret")!;
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

    /// <summary>A client that neither follows redirects nor keeps cookies: each request says which session it is.</summary>
    public HttpClient CreateRawClient()
    {
        var client = Factory.CreateDefaultClient(BaseAddress);
        client.Timeout = TimeSpan.FromMinutes(2);
        return client;
    }

    /// <summary>A new member of <paramref name="tenant"/>, signed in.</summary>
    public async Task<Session> SignInMemberAsync(Tenant tenant, string role)
    {
        var email = AccountsFixture.UniqueEmail("fuzz-" + role);
        var user = await CreateUserAsync(email, role: null);
        await Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        var cookies = new CookieContainer();
        using (var client = Factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)))
        {
            using var response = await SubmitAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of the {role} of {tenant.Slug}");
        }

        return await SessionAsync($"{role} of {tenant.Slug}", cookies, "/compte/securite");
    }

    /// <summary>A new network admin, signed in with password and TOTP code.</summary>
    public async Task<Session> SignInNetworkAdminAsync()
    {
        var email = AccountsFixture.UniqueEmail("fuzz-reseau");
        var user = await CreateUserAsync(email, NetworkRoles.NetworkAdmin);
        string key;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
            var tracked = (await users.FindByIdAsync(user.Id.ToString())).ShouldNotBeNull();
            await users.ResetAuthenticatorKeyAsync(tracked);
            key = (await users.GetAuthenticatorKeyAsync(tracked)).ShouldNotBeNull();
            await users.SetTwoFactorEnabledAsync(tracked, true);
        }

        var cookies = new CookieContainer();
        using (var client = Factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)))
        {
            using var first = await SubmitAsync(client, "/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect, "password step of the network admin");
            using var second = await SubmitAsync(client, first.Headers.Location!.OriginalString, new() { ["Code"] = Totp.Code(key) });
            second.StatusCode.ShouldBe(HttpStatusCode.Redirect, "second factor of the network admin");
        }

        return await SessionAsync("network admin", cookies, "/reseau/campagnes");
    }

    /// <summary>Adds the session's cookies to a request.</summary>
    public static void Authenticate(HttpRequestMessage request, Session session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Cookies.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", session.Cookies);
        }
    }

    private async Task<RtesUser> CreateUserAsync(string email, string? role)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>();
        var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
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

    /// <summary>Loads a page with the client's cookies and reads the antiforgery token it carries (the cookie is set then).</summary>
    private async Task<Session> SessionAsync(string name, CookieContainer cookies, string pageWithForm)
    {
        using var client = Factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies));
        var (status, page) = await Authoring.Forms.GetAsync(client, pageWithForm);
        status.ShouldBe(200, $"GET {pageWithForm} as {name}");
        var input = page.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull($"a POST form with its token on {pageWithForm}");
        var token = input.GetAttribute("value").ShouldNotBeNull($"token on {pageWithForm}");
        return new Session(name, cookies.GetCookieHeader(BaseAddress), token);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var (status, page) = await Authoring.Forms.GetAsync(client, url);
        status.ShouldBe(200, $"GET {url}");
        var form = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")?.Closest("form")
            ?? throw new InvalidOperationException($"No form on {url}.");
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "submit"))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Where(f => !values.ContainsKey(f.Key))
            .Concat(values)
            .ToList();
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(form.GetAttribute("action") is { Length: > 0 } action ? action : url, UriKind.Relative), content);
    }
}
