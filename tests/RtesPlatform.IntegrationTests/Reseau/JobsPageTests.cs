using System.Diagnostics;
using System.Net;
using AngleSharp.Dom;
using RtesPlatform.IntegrationTests.Accounts;

namespace RtesPlatform.IntegrationTests.Reseau;

/// <summary>
/// The jobs page for people (<c>/reseau/taches</c>: French names, schedules in words, nodes without
/// host names, "Lancer maintenant") and Hangfire's dashboard behind the NetworkAdmin policy with a
/// content security policy of its own.
/// </summary>
public sealed class JobsPageTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private static string Text(IElement element) => element.TextContent.Replace('\u00a0', ' ').Trim();

    /// <summary>The page once this host's job server is listed (it starts in the background).</summary>
    private static async Task<IDocument> PageWithNodesAsync(AccountClient admin)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (status, page) = await admin.GetAsync("/reseau/taches");
            status.ShouldBe(HttpStatusCode.OK);
            if (page.QuerySelectorAll("table th[scope=row]").Any(th => Text(th) == "nœud 1") || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                return page;
            }

            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task JobsPage_NamesJobsInFrench_SchedulesInWords_NodesWithoutHostNames()
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();

        var page = await PageWithNodesAsync(admin);

        var jobs = page.QuerySelectorAll("section.job h3").Select(Text).ToList();
        jobs.ShouldContain("Recalcul complet des statistiques de comparaison");
        jobs.ShouldContain("Génération des fichiers de données ouvertes");
        jobs.ShouldContain("Rappels des campagnes de mise à jour");
        jobs.ShouldContain("Import de fiches de l’ancien site");
        var schedules = page.QuerySelectorAll("ul.schedules strong").Select(Text).ToList();
        schedules.ShouldContain("tous les jours à 2 h 30");
        schedules.ShouldContain("tous les jours à 3 h 00");
        schedules.ShouldContain("toutes les minutes");
        schedules.ShouldContain("tous les lundis à 8 h 00");
        page.QuerySelectorAll("table th[scope=row]").Select(Text).ShouldContain("nœud 1");
        var body = page.Body!.TextContent;
        body.ShouldNotContain($":{Environment.ProcessId}:", customMessage: "no server id");
        body.ShouldNotContain(Environment.MachineName + ":", Case.Insensitive);
        body.ShouldNotContain("* *", customMessage: "no cron expression");
        page.QuerySelector($"a[href='/reseau/taches/hangfire']").ShouldNotBeNull("a link to the dashboard");
        // The import starts from its own page, with its file.
        page.QuerySelector("form[data-job='legacy-import']").ShouldBeNull();
    }

    [Fact]
    public async Task RunNow_StartsAnOccurrence_ThatAnyNodeRuns()
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();
        var page = await PageWithNodesAsync(admin);
        const string done = "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND invocationdata::text LIKE '%RefreshAllAggregatesJob%'";
        var before = await fixture.Database.QueryAsAdminAsync<long>(done);

        using var response = await admin.SubmitAsync("/reseau/taches", page, new Dictionary<string, string>(), "form[data-job='aggregates-nightly']");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await admin.GetAsync("/reseau/taches");
        Text(after.QuerySelector("[role=status]")!).ShouldBe(
            "La tâche « Recalcul complet des statistiques de comparaison » a été lancée : un nœud libre la démarre dans l’instant.");
        var watch = Stopwatch.StartNew();
        while (await fixture.Database.QueryAsAdminAsync<long>(done) == before && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        (await fixture.Database.QueryAsAdminAsync<long>(done)).ShouldBe(before + 1);
        (_, after) = await admin.GetAsync("/reseau/taches");
        after.QuerySelector("#aggregates-nightly td.outcome-succeeded").ShouldNotBeNull("the run is listed as succeeded");
    }

    [Fact]
    public async Task Dashboard_OnlyForNetworkAdmins_WithItsOwnContentSecurityPolicy()
    {
        using var admin = await fixture.SignedInNetworkAdminAsync();
        using var dashboard = await admin.Http.GetAsync(new Uri("/reseau/taches/hangfire/recurring", UriKind.Relative));
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await dashboard.Content.ReadAsStringAsync();
        html.ShouldContain("aggregates-nightly");
        html.ShouldNotContain(fixture.Database.Name, customMessage: "no connection string");
        var csp = dashboard.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("style-src 'self' 'unsafe-inline'");
        csp.ShouldContain("script-src 'self';");

        using var site = await admin.Http.GetAsync(new Uri("/reseau/taches", UriKind.Relative));
        site.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("unsafe-inline");

        using var anonymous = fixture.CreateClient();
        using var refused = await anonymous.Http.GetAsync(new Uri("/reseau/taches/hangfire", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/compte/connexion");

        var email = AccountsFixture.UniqueEmail("agent");
        await fixture.CreateUserAsync(email, "Agent-RTES-2026!");
        using var officer = fixture.CreateClient();
        (await officer.SignInAsync(email, "Agent-RTES-2026!")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var forbidden = await officer.Http.GetAsync(new Uri("/reseau/taches/hangfire/jobs/failed", UriKind.Relative));
        forbidden.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await forbidden.Content.ReadAsStringAsync()).ShouldNotContain("Hangfire");
    }
}
