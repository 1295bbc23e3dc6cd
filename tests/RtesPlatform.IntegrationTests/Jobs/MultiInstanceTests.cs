using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.LegacyImport;
using RtesPlatform.IntegrationTests.Pages;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// Three application processes on one database, as behind a load balancer: the session cookie
/// issued by one is accepted by the two others (the Data Protection key ring is in PostgreSQL, not
/// in each process's memory), and a publication is seen by every instance although each caches
/// the public page (output cache on, evicted through PostgreSQL NOTIFY; a long MaxAge, so only
/// the notification can explain a fresh page), also after the database ended the listeners'
/// connections as a restart does. The three are one job cluster: each occurrence of a recurring
/// job runs once, and a job whose node is killed with SIGKILL is run again by another.
/// </summary>
public sealed class MultiInstanceTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly List<string> _homes = [];

    private const string SessionCookie = "rtes-session";  // Testing environment: plain HTTP, no "__Host-" prefix.
    private const string Password = "Trois-Instances-RTES-2026";

    [Fact]
    public async Task ThreeInstances_ShareTheSessionCookie_SeeANewPublication_AndFormOneJobCluster()
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

        // Jobs: each occurrence of the heartbeat (every second here) runs once across the three
        // nodes, whole seconds apart (a second schedule beside it would show as firings a fraction
        // of a second apart; a loaded machine may skip a second, never run it twice).
        var since = DateTimeOffset.UtcNow.AddSeconds(1);
        var firings = await WaitForFiringsAsync(since, 8, TimeSpan.FromSeconds(60));
        firings.Select(f => f.Scheduled).ShouldBeUnique();
        for (var i = 1; i < firings.Count; i++)
        {
            var gap = firings[i].Scheduled - firings[i - 1].Scheduled;
            gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), $"between occurrence {i} and {i + 1}");
            (gap.Ticks % TimeSpan.TicksPerSecond).ShouldBe(0, $"between occurrence {i} and {i + 1}: {gap}");
        }

        var servers = (await database.QueryAsAdminAsync<string>("SELECT string_agg(id, ',') FROM hangfire.server")).Split(',');
        servers.Length.ShouldBe(3);
        firings.Select(f => f.Instance).Distinct().ShouldBeSubsetOf(servers);
        output.WriteLine("Heartbeats per node: " + string.Join(", ", firings.GroupBy(f => f.Instance).Select(g => $"{g.Key[..12]}…: {g.Count()}")));

        // A long import on one node, killed with SIGKILL: another node runs its job again once the
        // invisibility timeout lapsed, and the run resumes where it stopped.
        var bytes = await LargeLegacyFile.GenerateAsync(database, 120);
        Guid run;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            run = await scope.ServiceProvider.GetRequiredService<LegacyImportRuns>()
                .EnqueueAsync(bytes, "trois-noeuds.txt", dryRun: true, collectivity: null, requestedBy: "test@rtes.example", CancellationToken.None);
        }

        await WaitForRunAsync(run, "done >= 10 AND status = 'running'", TimeSpan.FromSeconds(60));
        var runner = await database.QueryAsAdminAsync<string>("""
            SELECT s.data::jsonb ->> 'ServerId' FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%LegacyImportJob%'
            """);
        var victim = instances.Single(i => runner.Contains($":{i.ProcessId}:", StringComparison.Ordinal));
        var killedAt = Stopwatch.StartNew();
        victim.Kill();
        await WaitForRunAsync(run, "status = 'succeeded'", TimeSpan.FromSeconds(120));
        output.WriteLine($"Import run re-run on another node and finished {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
        (await database.QueryAsAdminAsync<int>("SELECT attempts FROM legacy_import_runs WHERE id = @id", ("id", run))).ShouldBe(2);
        (await database.QueryAsAdminAsync<bool>(
            "SELECT done = total AND jsonb_array_length(report -> 'fiches') = total FROM legacy_import_runs WHERE id = @id", ("id", run))).ShouldBeTrue();
        instances.Where(i => i != victim).ShouldAllBe(i => !i.HasExited);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) - count(DISTINCT scheduled_fire_time) FROM job_heartbeats")).ShouldBe(0);
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
            ["Jobs:HeartbeatInterval"] = "00:00:01",
            ["Jobs:ServerHeartbeatInterval"] = "00:00:02",
            ["Jobs:InvisibilityTimeout"] = "00:00:10",
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

    private async Task<List<(DateTimeOffset Scheduled, string Instance)>> WaitForFiringsAsync(DateTimeOffset since, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        List<(DateTimeOffset Scheduled, string Instance)> firings;
        while ((firings = await FiringsAsync(since)).Count < count && watch.Elapsed < timeout)
        {
            await Task.Delay(250);
        }

        firings.Count.ShouldBeGreaterThanOrEqualTo(count, $"heartbeats since {since:O} after {watch.Elapsed}");
        return firings;
    }

    private async Task<List<(DateTimeOffset Scheduled, string Instance)>> FiringsAsync(DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT scheduled_fire_time, instance_id FROM job_heartbeats WHERE scheduled_fire_time > $1 ORDER BY scheduled_fire_time", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await command.ExecuteReaderAsync();
        var firings = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync())
        {
            firings.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return firings;
    }

    private async Task WaitForRunAsync(Guid run, string condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (!await database.QueryAsAdminAsync<bool>($"SELECT {condition} FROM legacy_import_runs WHERE id = @id", ("id", run)))
        {
            watch.Elapsed.ShouldBeLessThan(timeout, $"import run {run}: {condition}");
            await Task.Delay(200);
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
