using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.LegacyImport;

/// <summary>The import pages of the network console: upload, the run's live progress, its kept report, recent runs.</summary>
public sealed class ImportPagesTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private readonly MatrixAccounts _accounts = new(fixture);

    /// <summary>The import run the authorization matrix opens (<c>{run}</c>), stored by <see cref="EnsureMatrixRunAsync"/>.</summary>
    internal const string MatrixRunId = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";

    internal static Task EnsureMatrixRunAsync(TestDatabase database) => database.ExecuteAsAdminAsync("""
        INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_at, status)
        VALUES (@id, 'matrice.txt', '\x00', false, now(), 'queued') ON CONFLICT (id) DO NOTHING
        """, ("id", Guid.Parse(MatrixRunId)));

    /// <summary>Polls the run's JSON state until it is finished, then returns the run's page.</summary>
    internal static async Task<IDocument> WaitForReportAsync(AccountClient client, string runUrl)
    {
        runUrl.ShouldMatch("^/reseau/import/[0-9a-f-]{36}$");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var state = await client.Http.GetAsync(new Uri(runUrl + "/etat", UriKind.Relative));
            state.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await state.Content.ReadAsStringAsync());
            if (json.RootElement.GetProperty("finished").GetBoolean())
            {
                break;
            }

            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "the import did not finish");
            await Task.Delay(100);
        }

        var (status, page) = await client.GetAsync(runUrl);
        status.ShouldBe(HttpStatusCode.OK);
        return page;
    }

    private static async Task<string> UploadAsync(AccountClient client, byte[] bytes, string fileName, bool dryRun)
    {
        var token = await MatrixAccounts.AntiforgeryTokenAsync(client, "/reseau/import");
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "Upload", fileName);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent(dryRun ? "true" : "false"), "DryRun");
        using var response = await client.Http.PostAsync(new Uri("/reseau/import", UriKind.Relative), content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Upload_RedirectsToTheRun_WhoseStateProgressAndReportAreShown_AndListed()
    {
        using var admin = await _accounts.SignedInNetworkAdminAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", "rtes-fiches-grand-est.txt"));

        var run = await UploadAsync(admin, bytes, "essai-grand-est.txt", dryRun: true);
        var page = await WaitForReportAsync(admin, run);

        page.QuerySelector("h1")!.Text().ShouldBe("Import de essai-grand-est.txt (essai à blanc)");
        var progress = page.QuerySelector<IHtmlProgressElement>("progress#import-progress")!;
        (progress.Value, progress.Maximum).ShouldBe((5, 5));
        page.QuerySelector("label[for=import-progress]").ShouldNotBeNull();
        page.QuerySelector("#import-status")!.GetAttribute("aria-live").ShouldBe("polite");
        page.QuerySelector("#import-status")!.Text().ShouldBe("Import terminé : 5 fiches sur 5.");
        page.QuerySelector("#import-refresh").ShouldBeNull();
        page.QuerySelector("#rapport")!.Text().ShouldContain("essai à blanc");
        page.QuerySelectorAll("#rapport ~ table tbody tr, section table.data-table tbody tr").Count.ShouldBe(5);
        page.QuerySelector("script[src='/js/import-progress.js']").ShouldNotBeNull();

        using var state = await admin.Http.GetAsync(new Uri(run + "/etat", UriKind.Relative));
        using var json = JsonDocument.Parse(await state.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldBe("succeeded");
        json.RootElement.GetProperty("done").GetInt32().ShouldBe(5);
        json.RootElement.GetProperty("total").GetInt32().ShouldBe(5);
        json.RootElement.GetProperty("progress").GetString().ShouldBe("5 fiches sur 5");

        var (_, list) = await admin.GetAsync("/reseau/import");
        list.QuerySelectorAll("#imports-recents ~ table tbody tr").Select(r => r.Text())
            .ShouldContain(r => r.Contains("essai-grand-est.txt", StringComparison.Ordinal));
        list.QuerySelector($"a[href='{run}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task QueuedRun_ShowsAnIndeterminateProgress_AndARefreshLink()
    {
        using var admin = await _accounts.SignedInNetworkAdminAsync();
        var id = Guid.NewGuid();
        // A run no scheduler has picked up yet (no trigger): what a network admin sees while it waits.
        await fixture.Database.ExecuteAsAdminAsync(
            "INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_at, status) VALUES (@id, 'attente.txt', '\\x00', false, now(), 'queued')",
            ("id", id));

        var (status, page) = await admin.GetAsync($"/reseau/import/{id}");

        status.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("#import-status")!.Text().ShouldBe("Import en attente de démarrage.");
        page.QuerySelector("progress#import-progress")!.HasAttribute("value").ShouldBeFalse();
        page.QuerySelector("#import-refresh a")!.GetAttribute("href").ShouldBe($"/reseau/import/{id}");
        page.QuerySelector("[data-import-state]")!.GetAttribute("data-import-state").ShouldBe($"/reseau/import/{id}/etat");
    }

    [Theory]
    [InlineData("/reseau/import/00000000-0000-0000-0000-000000000000")]
    [InlineData("/reseau/import/00000000-0000-0000-0000-000000000000/etat")]
    [InlineData("/reseau/import/pas-un-identifiant")]
    [InlineData("/reseau/import/pas-un-identifiant/etat")]
    public async Task UnknownOrMalformedRun_IsNotFound(string url)
    {
        using var admin = await _accounts.SignedInNetworkAdminAsync();

        using var response = await admin.Http.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UploadEmptyFile_ShowsAFrenchErrorNextToTheField()
    {
        using var admin = await _accounts.SignedInNetworkAdminAsync();
        var token = await MatrixAccounts.AntiforgeryTokenAsync(admin, "/reseau/import");
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent([]);
        content.Add(file, "Upload", "vide.txt");
        content.Add(new StringContent(token), "__RequestVerificationToken");

        using var response = await admin.Http.PostAsync(new Uri("/reseau/import", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await AccountClient.ParseAsync(response);
        page.QuerySelector("#file-error")!.Text().ShouldContain("le fichier envoyé est vide");
    }
}
