using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Publication;
using RtesPlatform.IntegrationTests.Authoring;

namespace RtesPlatform.IntegrationTests.Caching;

/// <summary>
/// Output caching through HTTP on real PostgreSQL: what is served from the cache (the
/// <c>Age</c> header the cache adds, and data changed underneath without notification), what is
/// never stored, and how changes evict it (docs/adr/0006).
/// </summary>
public sealed class OutputCachingTests(CachingSite site) : IClassFixture<CachingSite>
{
    [Fact]
    public async Task PublicFiche_IsServedFromTheCache_UntilTheDatabaseNotifiesAChange()
    {
        var tenant = await site.PublishedTenantAsync("Version une du cache.");
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version deux du cache." } });
        var url = $"/collectivites/{tenant.Slug}";
        using var client = site.Anonymous();

        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await client.GetAsync(new Uri(url, UriKind.Relative));
        // Back to version 1 behind the application's back: session_replication_role = replica
        // silences the triggers, so nothing is notified.
        await site.Database.ExecuteAsAdminAsync(
            "SET session_replication_role = replica; UPDATE tenants SET published_version = 1 WHERE id = @id",
            ("id", tenant.Id));
        var stale = await client.GetStringAsync(new Uri(url, UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Age.ShouldBeNull("the first visit renders the page");
        (await first.Content.ReadAsStringAsync()).ShouldContain("Version deux du cache.");
        second.Headers.Age.ShouldNotBeNull("the second visit is served from the cache");
        stale.ShouldContain("Version deux du cache.", customMessage: "served from the cache: the database was not read");

        await site.Database.ExecuteAsAdminAsync($"NOTIFY {PublicChangeChannel.Name}, 'test'");
        var fresh = await site.WaitForTextAsync(url, "Version une du cache.");
        fresh.ShouldContain("Version une du cache.", customMessage: "the notification evicted the page (MaxAge is 10 minutes)");
    }

    [Fact]
    public async Task PublicationFromAnotherConnection_ReachesTheCachedPages_ThroughTheTriggers()
    {
        var tenant = await site.PublishedTenantAsync("Avant la publication.");
        var url = $"/collectivites/{tenant.Slug}";
        using var client = site.Anonymous();
        await client.GetStringAsync(new Uri(url, UriKind.Relative));
        using (var cached = await client.GetAsync(new Uri(url, UriKind.Relative)))
        {
            cached.Headers.Age.ShouldNotBeNull();
        }

        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Après la publication." } });

        (await site.WaitForTextAsync(url, "Après la publication.")).ShouldContain("Après la publication.");
    }

    [Fact]
    public async Task PublishingInTheBackOffice_ShowsTheNewVersionAtOnce()
    {
        var tenant = await site.PublishedTenantAsync("Texte publié d'abord.");
        var url = $"/collectivites/{tenant.Slug}";
        using var visitor = site.Anonymous();
        await visitor.GetStringAsync(new Uri(url, UriKind.Relative));
        using (var cached = await visitor.GetAsync(new Uri(url, UriKind.Relative)))
        {
            cached.Headers.Age.ShouldNotBeNull();
        }

        using var editor = site.Editor("Éditrice Pressée");
        await DraftEditingTests.AddBudgetLineAsync(editor, tenant.Slug, "Ligne publiée aussitôt", "12 000", "2025");
        var (_, dashboard) = await Forms.GetAsync(editor, $"/espace/{tenant.Slug}/publier");
        var (status, _) = await Forms.SubmitAsync(editor, dashboard, dashboard.Button("Confirmer la publication"));
        var page = new HtmlParser().ParseDocument(await visitor.GetStringAsync(new Uri(url, UriKind.Relative))).Body!.TextContent;

        status.ShouldBe(200);
        page.ShouldContain("Ligne publiée aussitôt", customMessage: "the publishing instance empties its cache before answering");
    }

    [Fact]
    public async Task SignedInVisitor_IsNeitherServedTheAnonymousPage_NorStoresTheirs()
    {
        var tenant = await site.PublishedTenantAsync("Page vue par tous.");
        var url = $"/collectivites/{tenant.Slug}";
        using var anonymous = site.Anonymous();
        using var member = site.SignedIn();

        // Signed in first: their page (with "Mon compte") must not be stored for the next visitor.
        using var signedInFirst = await member.GetAsync(new Uri(url, UriKind.Relative));
        using var anonymousAfter = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        using var anonymousCached = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        using var signedInAfter = await member.GetAsync(new Uri(url, UriKind.Relative));

        signedInFirst.Headers.Age.ShouldBeNull();
        Nav(await signedInFirst.Content.ReadAsStringAsync()).ShouldContain("Mon compte");
        signedInFirst.Headers.CacheControl!.NoStore.ShouldBeTrue();
        signedInFirst.Headers.CacheControl.Private.ShouldBeTrue();
        anonymousAfter.Headers.Age.ShouldBeNull("nothing was stored for the signed-in visitor");
        Nav(await anonymousAfter.Content.ReadAsStringAsync()).ShouldContain("Se connecter");
        anonymousCached.Headers.Age.ShouldNotBeNull();
        signedInAfter.Headers.Age.ShouldBeNull("a signed-in visitor is never served from the cache");
        Nav(await signedInAfter.Content.ReadAsStringAsync()).ShouldContain("Mon compte");
    }

    [Fact]
    public async Task RequestsWithASessionCookieOrAnAuthorizationHeader_BypassTheCache()
    {
        var tenant = await site.PublishedTenantAsync("Page des visiteurs munis.");
        var url = new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative);
        using var anonymous = site.Anonymous();
        await anonymous.GetStringAsync(url);
        using (var cached = await anonymous.GetAsync(url))
        {
            cached.Headers.Age.ShouldNotBeNull();
        }

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, url);
        withCookie.Headers.Add("Cookie", "rtes-session=expire-ou-falsifie");
        using var withBearer = new HttpRequestMessage(HttpMethod.Get, url);
        withBearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "jeton");

        using var cookieResponse = await anonymous.SendAsync(withCookie);
        using var bearerResponse = await anonymous.SendAsync(withBearer);

        cookieResponse.Headers.Age.ShouldBeNull("a session cookie, even an invalid one, bypasses the cache");
        bearerResponse.Headers.Age.ShouldBeNull("an Authorization header bypasses the cache");
    }

    [Theory]
    [InlineData("test-set-cookie=1")]
    [InlineData("test-no-store=1")]
    public async Task ResponsesSettingACookieOrSayingNoStore_AreNotStored(string query)
    {
        var url = new Uri($"/collectivites?{query}&n={Guid.NewGuid():N}", UriKind.Relative);
        using var client = site.Anonymous();

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Age.ShouldBeNull();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/collectivites")]
    [InlineData("/actions")]
    [InlineData("/comparaisons")]
    [InlineData("/recherche?q=economie")]
    [InlineData("/donnees-ouvertes")]
    public async Task PublicPages_AreCached_WithoutSettingACookie(string path)
    {
        var url = new Uri(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "essai=" + Guid.NewGuid().ToString("N"), UriKind.Relative);
        using var client = site.Anonymous();

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        using var otherQuery = await client.GetAsync(new Uri(url.OriginalString + "x", UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Contains("Set-Cookie").ShouldBeFalse();
        second.StatusCode.ShouldBe(HttpStatusCode.OK, string.Join("; ", first.Headers.Select(h => $"{h.Key}: {string.Join(",", h.Value)}")));
        second.Headers.Age.ShouldNotBeNull($"{path} is served from the cache");
        otherQuery.Headers.Age.ShouldBeNull("another query string is another entry");
    }

    [Fact]
    public async Task BackOfficeAndOfficersApi_AreNoStore_AndNeverCached()
    {
        var tenant = await site.PublishedTenantAsync("Espace privé.");
        using var editor = site.SignedIn();

        using var first = await editor.GetAsync(new Uri($"/espace/{tenant.Slug}", UriKind.Relative));
        using var second = await editor.GetAsync(new Uri($"/espace/{tenant.Slug}", UriKind.Relative));
        using var api = await editor.GetAsync(new Uri($"/api/v1/workspace/{tenant.Slug}/fiche", UriKind.Relative));
        using var account = await editor.GetAsync(new Uri("/compte/securite", UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        first.Headers.CacheControl.Private.ShouldBeFalse();
        second.Headers.Age.ShouldBeNull();
        api.Headers.CacheControl!.NoStore.ShouldBeTrue($"/api/v1/workspace answers {(int)api.StatusCode}");
        account.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task ListenerConnectionKilled_CacheIsBypassedThenListeningAgain_ChangesStillEvict()
    {
        var tenant = await site.PublishedTenantAsync("Avant la coupure.");
        var url = new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative);
        var generation = site.State.Generation;

        // As a database restart does to it: the server ends the listener's connection.
        var killed = await site.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rtes-cache-listener' AND datname = current_database()) t");
        killed.ShouldBe(1L);
        await WaitAsync(() => site.State.IsListening && site.State.Generation > generation, "the listener reconnects and empties the cache");

        using var client = site.Anonymous();
        await client.GetStringAsync(url);
        using (var cached = await client.GetAsync(url))
        {
            cached.Headers.Age.ShouldNotBeNull("cached again once listening");
        }

        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Après la coupure." } });
        (await site.WaitForTextAsync(url.OriginalString, "Après la coupure.")).ShouldContain("Après la coupure.");
    }

    [Fact]
    public async Task TriggersNotify_OnCommitOnly_AndNotForAStatementThatChangedNothing()
    {
        await using var listener = new Npgsql.NpgsqlConnection(site.Database.AdminConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {PublicChangeChannel.Name}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await site.Database.ExecuteAsAdminAsync("UPDATE themes SET label_fr = label_fr WHERE false");
        await site.Database.ExecuteAsAdminAsync("BEGIN; UPDATE themes SET label_fr = label_fr; ROLLBACK;");
        await listener.WaitAsync(TimeSpan.FromMilliseconds(500));
        var beforeCommit = heard.Count;
        await site.Database.ExecuteAsAdminAsync("UPDATE themes SET label_fr = label_fr");
        await listener.WaitAsync(TimeSpan.FromSeconds(5));

        beforeCommit.ShouldBe(0, "no row changed, or rolled back: nothing to notify");
        heard.ShouldBe(["themes"]);
    }

    [Fact]
    public async Task OpenDataFile_IsCachedPerEncoding_AndTheCacheAnswersIfNoneMatch()
    {
        await site.Host.Services.GetRequiredService<OpenDataExporter>().ExportAllAsync(null, CancellationToken.None);
        var url = new Uri("/donnees-ouvertes/indicateurs.csv", UriKind.Relative);
        await WaitAsync(() => site.State.IsListening, "listening");
        using var client = site.Anonymous();
        // The export's notifications may still be on their way: wait until the file is served from the cache.
        HttpResponseMessage plain;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            plain = await client.GetAsync(url);
            if (plain.Headers.Age is not null)
            {
                break;
            }

            plain.Dispose();
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the file is never served from the cache");
            await Task.Delay(50);
        }

        using (plain)
        {
            using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, url);
            gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
            using var gzip = await client.SendAsync(gzipRequest);
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
            using var notModified = await client.SendAsync(conditional);

            plain.Content.Headers.ContentEncoding.ShouldBeEmpty("no gzip for a client that did not ask");
            (await plain.Content.ReadAsStringAsync()).ShouldStartWith("code,");
            gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"], "the gzip variant is its own entry");
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
            notModified.Headers.ETag.ShouldBe(plain.Headers.ETag);
        }
    }

    private static string Nav(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("nav[aria-label='Navigation principale']")!.TextContent;

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, what);
            await Task.Delay(50);
        }
    }
}
