using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
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
/// in each process's memory), and a publication is seen by every instance although each caches
/// the public page (output cache on, evicted through PostgreSQL NOTIFY; a long MaxAge, so only
/// the notification can explain a fresh page), also after the database ended the listeners'
/// connections as a restart does.
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
        await using var first = await AppProcess.StartAsync(database, Settings());
        var others = await Task.WhenAll(AppProcess.StartAsync(database, Settings()), AppProcess.StartAsync(database, Settings()));
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
        foreach (var (instance, index) in instances.Select((i, n) => (i, n + 1)))
        {
            // Read twice: the second answer comes from the instance's cache.
            (await WaitForFicheAsync(instance, tenant.Slug, "Version une.")).ShouldContain("Version une.");
            (await CachedFicheTextAsync(instance, tenant.Slug)).ShouldContain("Version une.", customMessage: $"instance {index}");
        }

        // Published as the back office of one instance would: every instance hears the
        // notification and drops its cached page.
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version deux." } });
        await ShouldShowEverywhereAsync(instances, tenant.Slug, "Version deux.", "Version une.");

        // A database restart ends every connection: the listeners reconnect, and a publication
        // made after that still reaches every cached page.
        foreach (var instance in instances)
        {
            (await CachedFicheTextAsync(instance, tenant.Slug)).ShouldContain("Version deux.");
        }

        var before = await database.QueryAsAdminAsync<DateTime>("SELECT clock_timestamp()::timestamp");
        var ended = await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rtes-cache-listener' AND datname = current_database()) t");
        ended.ShouldBe(3L, "one listener per instance");
        await WaitForListenersAsync(3, before);
        foreach (var instance in instances)
        {
            (await CachedFicheTextAsync(instance, tenant.Slug)).ShouldContain("Version deux.", customMessage: "cached again once listening");
        }

        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version trois." } });
        await ShouldShowEverywhereAsync(instances, tenant.Slug, "Version trois.", "Version deux.");

        instances.ShouldAllBe(i => !i.HasExited);
        output.WriteLine($"Done after {watch.Elapsed.TotalSeconds:F1} s");
    }

    private Dictionary<string, string> Settings()
    {
        var home = Path.Combine(Path.GetTempPath(), "rtes-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        _homes.Add(home);
        return new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["OutputCaching:Enabled"] = "true",
            ["OutputCaching:MaxAge"] = "00:10:00",
            ["OutputCaching:MaxReconnectDelay"] = "00:00:01",
        };
    }

    private static async Task ShouldShowEverywhereAsync(AppProcess[] instances, string slug, string now, string before)
    {
        foreach (var (instance, index) in instances.Select((i, n) => (i, n + 1)))
        {
            var text = await WaitForFicheAsync(instance, slug, now);
            text.ShouldContain(now, customMessage: $"instance {index}");
            text.ShouldNotContain(before, customMessage: $"instance {index}");
        }
    }

    /// <summary>The fiche as an anonymous visitor sees it, once it shows <paramref name="text"/> (10 s at most: NOTIFY is delivered on commit, a moment later).</summary>
    private static async Task<string> WaitForFicheAsync(AppProcess instance, string slug, string text)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var page = await FicheTextAsync(instance, slug);
            if (page.Contains(text, StringComparison.Ordinal) || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                return page;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The fiche served from the instance's output cache (the cache adds an Age header); the listener may still be connecting just after start.</summary>
    private static async Task<string> CachedFicheTextAsync(AppProcess instance, string slug)
    {
        using var client = instance.CreateClient();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync(new Uri($"collectivites/{slug}", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            if (response.Headers.Age is not null)
            {
                return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.Text();
            }

            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), $"{instance.BaseAddress} never served the fiche from its cache");
            await Task.Delay(100);
        }
    }

    private async Task WaitForListenersAsync(int count, DateTime connectedAfter)
    {
        var watch = Stopwatch.StartNew();
        while (await database.QueryAsAdminAsync<long>(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE application_name = 'rtes-cache-listener' AND datname = current_database() AND backend_start::timestamp > @after
            """, ("after", connectedAfter)) < count)
        {
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the listeners reconnect");
            await Task.Delay(100);
        }
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
