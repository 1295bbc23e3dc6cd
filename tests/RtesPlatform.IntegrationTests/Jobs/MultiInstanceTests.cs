using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// Three application processes on one database, as behind a load balancer: the session cookie
/// issued by one is accepted by the two others (the Data Protection key ring is in PostgreSQL, not
/// in each process's memory), and a publication is seen by every instance.
/// </summary>
public sealed class MultiInstanceTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly List<string> _homes = [];

    private const string SessionCookie = "rtes-session";  // Testing environment: plain HTTP, no "__Host-" prefix.
    private const string Password = "Trois-Instances-RTES-2026";

    [Fact]
    public async Task ThreeInstances_ShareTheSessionCookie_AndSeeANewPublication()
    {
        var watch = Stopwatch.StartNew();
        // The first creates the key ring; the two others start together and read it.
        // Each process gets its own home directory, as each container would: without the shared
        // key ring, Data Protection would fall back to ~/.aspnet/DataProtection-Keys, which
        // processes on one test machine would otherwise share.
        await using var first = await AppProcess.StartAsync(database, OwnHome());
        var others = await Task.WhenAll(AppProcess.StartAsync(database, OwnHome()), AppProcess.StartAsync(database, OwnHome()));
        await using var second = others[0];
        await using var third = others[1];
        AppProcess[] instances = [first, second, third];
        output.WriteLine($"Three instances up after {watch.Elapsed.TotalSeconds:F1} s");

        var email = AccountsFixture.UniqueEmail("instances");
        await InsertConfirmedUserAsync(email);
        var cookies = new CookieContainer();
        using var browser = new AccountClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies })
        {
            BaseAddress = first.BaseAddress,
        });
        using (var signIn = await browser.SignInAsync(email, Password))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in on the first instance");
        }

        var session = cookies.GetCookies(first.BaseAddress)[SessionCookie].ShouldNotBeNull($"the {SessionCookie} cookie set by the first instance");
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM data_protection_keys")).ShouldBeGreaterThanOrEqualTo(1L);

        foreach (var (instance, index) in instances.Select((i, n) => (i, n + 1)))
        {
            using var client = instance.CreateClient();
            using (var anonymous = await client.GetAsync(new Uri("compte/securite", UriKind.Relative)))
            {
                anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"anonymous on instance {index}");
                anonymous.Headers.Location!.OriginalString.ShouldContain("/compte/connexion");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("compte/securite", UriKind.Relative));
            request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
            using var signedIn = await client.SendAsync(request);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, $"signed-in page on instance {index} with the first instance's cookie");
        }

        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version une." } });
        foreach (var instance in instances)
        {
            (await FicheTextAsync(instance, tenant.Slug)).ShouldContain("Version une.");
        }

        // Published as the back office of one instance would: the public page reads the tenant's
        // published version on every request, so no instance may keep serving the old one.
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version deux." } });
        foreach (var (instance, index) in instances.Select((i, n) => (i, n + 1)))
        {
            var text = await FicheTextAsync(instance, tenant.Slug);
            text.ShouldContain("Version deux.", customMessage: $"instance {index}");
            text.ShouldNotContain("Version une.", customMessage: $"instance {index}");
        }

        instances.ShouldAllBe(i => !i.HasExited);
        output.WriteLine($"Done after {watch.Elapsed.TotalSeconds:F1} s");
    }

    private Dictionary<string, string> OwnHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "rtes-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        _homes.Add(home);
        return new Dictionary<string, string> { ["HOME"] = home };
    }

    public void Dispose()
    {
        foreach (var home in _homes.Where(Directory.Exists))
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private async Task InsertConfirmedUserAsync(string email)
    {
        var user = new RtesUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true };
        var hash = new PasswordHasher<RtesUser>().HashPassword(user, Password);
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled,
                lockout_enabled, access_failed_count)
            VALUES (@id, @email, upper(@email), @email, upper(@email), true, @hash, @stamp, @concurrency, false, false, true, 0)
            """,
            ("id", user.Id), ("email", email), ("hash", hash),
            ("stamp", Guid.NewGuid().ToString("N").ToUpperInvariant()), ("concurrency", Guid.NewGuid().ToString()));
    }

    private static async Task<string> FicheTextAsync(AppProcess instance, string slug)
    {
        using var client = instance.CreateClient();
        var (status, document) = await Html.GetAsync(client, $"/collectivites/{slug}");
        status.ShouldBe((int)HttpStatusCode.OK, $"/collectivites/{slug} on {instance.BaseAddress}");
        return document.Body!.Text();
    }
}
