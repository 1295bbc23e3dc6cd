using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.LegacyImport;

/// <summary>
/// The importer against a real database, each test on its own database (the seed file names the
/// same collectivities every time).
/// </summary>
public sealed class LegacyImporterTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private static string Seed(string name) => Path.Combine(RepositoryPaths.Root, "..", "shared", "seeds", name);

    private async Task<LegacyImportReport> ImportAsync(
        byte[] bytes, bool dryRun = false, string? collectivity = null, IProgress<LegacyImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        using var stream = new MemoryStream(bytes);
        return await scope.ServiceProvider.GetRequiredService<LegacyImporter>()
            .ImportAsync(stream, "fiches.txt", dryRun, collectivity, progress, cancellationToken);
    }

    private Task<long> CountAsync(string table) => _database.QueryAsAdminAsync<long>($"SELECT count(*) FROM {table}");

    [Fact]
    public async Task GrandEstFile_CreatesDraftsOfTheFiveMembers_MatchedToTheirOfficialIdentifiers()
    {
        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt")));

        report.Error.ShouldBeNull();
        report.ExitCode.ShouldBe(0);
        report.Fiches.Select(f => f.OfficialIdentifier).ShouldBe(
            ["SIREN 200027308", "SIREN 200066009", "INSEE 44", "INSEE 08", "SIREN 246700488"], ignoreOrder: true);
        report.Fiches.ShouldAllBe(f => f.Outcome == LegacyImportOutcome.DraftCreated && f.TenantCreated);
        (await CountAsync("tenants")).ShouldBe(5);
        (await CountAsync("fiche_drafts")).ShouldBe(5);
        (await CountAsync("fiche_versions")).ShouldBe(0);
        (await _database.QueryAsAdminAsync<int>("SELECT membership_year FROM tenants WHERE siren = '200066009'")).ShouldBe(2018);
        var budget = await _database.QueryAsAdminAsync<string>(
            "SELECT d.content -> 'budget' ->> 'lines' FROM fiche_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.kind = 'region'");
        budget.ShouldContain("5800000");
        budget.ShouldContain("2000000");
    }

    [Fact]
    public async Task SameFileTwice_SecondImportChangesNothing()
    {
        var bytes = await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt"));
        await ImportAsync(bytes);
        var before = await _database.QueryAsAdminAsync<string>("SELECT string_agg(tenant_id || ':' || revision || ':' || updated_at, ',' ORDER BY tenant_id) FROM fiche_drafts");

        var again = await ImportAsync(bytes);

        again.Fiches.ShouldAllBe(f => f.Outcome == LegacyImportOutcome.Unchanged && !f.TenantCreated);
        again.ExitCode.ShouldBe(0);
        (await _database.QueryAsAdminAsync<string>("SELECT string_agg(tenant_id || ':' || revision || ':' || updated_at, ',' ORDER BY tenant_id) FROM fiche_drafts")).ShouldBe(before);
        (await CountAsync("tenants")).ShouldBe(5);
    }

    [Fact]
    public async Task DryRun_ReportsEverythingAndWritesNothing()
    {
        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt")), dryRun: true);

        report.Fiches.Count.ShouldBe(5);
        report.ImportedCount.ShouldBe(5);
        (await CountAsync("tenants")).ShouldBe(0);
        (await CountAsync("fiche_drafts")).ShouldBe(0);
    }

    [Fact]
    public async Task DraftWithUnpublishedEdits_IsKept_AndPublishedVersionIsUntouched()
    {
        var mulhouse = await _database.CreateTenantAsync("200066009");
        var published = await _database.SaveAndPublishAsync(mulhouse, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version publiée." } });
        await _database.RunAsTenantAsync(mulhouse, async db =>
        {
            var draft = await db.FicheDrafts.FindAsync(mulhouse.Id);
            draft!.Content = new FicheContent { Panorama = new PanoramaSection { Narrative = "Modification en cours." } };
            draft.UpdatedBy = "agent@mulhouse.example";
            await db.SaveChangesAsync();
        });

        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt")));

        report.Fiches.Single(f => f.OfficialIdentifier == "SIREN 200066009").Outcome.ShouldBe(LegacyImportOutcome.SkippedDraftEdited);
        report.ExitCode.ShouldBe(3);
        (await _database.QueryAsAdminAsync<string>("SELECT content -> 'panorama' ->> 'narrative' FROM fiche_drafts WHERE tenant_id = @id", ("id", mulhouse.Id)))
            .ShouldBe("Modification en cours.");
        (await _database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @id", ("id", mulhouse.Id))).ShouldBe(1);
        (await _database.QueryAsAdminAsync<int>("SELECT published_version FROM tenants WHERE id = @id", ("id", mulhouse.Id))).ShouldBe(published.Number);
    }

    [Fact]
    public async Task DraftEqualToThePublishedFiche_IsReplacedByTheImport()
    {
        var strasbourg = await _database.CreateTenantAsync("246700488");
        await _database.SaveAndPublishAsync(strasbourg, new FicheContent { Panorama = new PanoramaSection { Narrative = "Ancienne fiche." } });

        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("rtes-fiches-grand-est.txt")));

        report.Fiches.Single(f => f.OfficialIdentifier == "SIREN 246700488").Outcome.ShouldBe(LegacyImportOutcome.DraftUpdated);
        var draft = await _database.QueryAsAdminAsync<string>("SELECT content::text FROM fiche_drafts WHERE tenant_id = @id", ("id", strasbourg.Id));
        draft.ShouldNotContain("Ancienne fiche.");
        draft.ShouldContain("Conseil de l");
    }

    [Fact]
    public async Task FailureInTheMiddleOfAFile_LeavesNothingHalfImported()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new CallbackProgress(p =>
        {
            if (p.Done == 3)
            {
                cancellation.Cancel();
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() =>
            ImportAsync(File.ReadAllBytes(Seed("rtes-fiches-grand-est.txt")), progress: progress, cancellationToken: cancellation.Token));

        (await CountAsync("tenants")).ShouldBe(0);
        (await CountAsync("fiche_drafts")).ShouldBe(0);
    }

    [Fact]
    public async Task BodyWithoutIdentity_IsImportedForTheStatedCollectivity()
    {
        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("est-ensemble-fiche.txt")), collectivity: "200057875");

        report.ExitCode.ShouldBe(0);
        report.Fiches.Single().OfficialIdentifier.ShouldBe("SIREN 200057875");
        (await _database.QueryAsAdminAsync<string>("SELECT d.content -> 'budget' ->> 'lines' FROM fiche_drafts d JOIN tenants t ON t.id = d.tenant_id WHERE t.siren = '200057875'"))
            .ShouldContain("270000");
    }

    [Fact]
    public async Task BodyWithoutIdentity_AndNoStatedCollectivity_IsNotImported()
    {
        var report = await ImportAsync(await File.ReadAllBytesAsync(Seed("est-ensemble-fiche.txt")));

        report.ExitCode.ShouldBe(1);
        report.Fiches.Single().Outcome.ShouldBe(LegacyImportOutcome.NotMatched);
        (await CountAsync("tenants")).ShouldBe(0);
    }

    [Fact]
    public async Task UnknownCollectivity_IsReportedWithCandidates_OthersImported()
    {
        var text = """
            Communauté de communes du Pays Imaginaire

            Année d'adhésion au RTES: 2020

            Type de collectivité
            Communauté de communes

            Conseil départemental des Ardennes

            Année d'adhésion au RTES: 2018

            Type de collectivité
            Département
            """;

        var report = await ImportAsync(Encoding.UTF8.GetBytes(text));

        report.ExitCode.ShouldBe(3);
        var unknown = report.Fiches.Single(f => f.Fiche.SourceName!.Contains("Imaginaire", StringComparison.Ordinal));
        unknown.Outcome.ShouldBe(LegacyImportOutcome.NotMatched);
        unknown.Match.Reason.ShouldNotBeNull().ShouldContain("Pays Imaginaire");
        report.Fiches.Single(f => f.OfficialIdentifier == "INSEE 08").Outcome.ShouldBe(LegacyImportOutcome.DraftCreated);
        (await CountAsync("tenants")).ShouldBe(1);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0a, 0x0d, 0x0a })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52 })]
    public async Task UnusableFile_IsRefusedWithAFrenchError_AndWritesNothing(byte[] bytes)
    {
        var report = await ImportAsync(bytes);

        report.Error.ShouldNotBeNullOrWhiteSpace();
        report.ExitCode.ShouldBe(1);
        (await CountAsync("tenants")).ShouldBe(0);
    }

    [Fact]
    public async Task TextWithoutAnyFiche_IsRefused()
    {
        var report = await ImportAsync(Encoding.UTF8.GetBytes("Bonjour,\nceci est une liste de courses.\nPain, lait, œufs.\n"));

        report.ExitCode.ShouldBe(1);
        (await CountAsync("fiche_drafts")).ShouldBe(0);
    }

    [Fact]
    public async Task Windows1252File_IsReadWithItsAccents()
    {
        var utf8 = await File.ReadAllTextAsync(Seed("rtes-fiches-grand-est.txt"));
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var bytes = cp1252.GetBytes(utf8.Replace('’', '\'').Replace('œ', 'o'));

        var report = await ImportAsync(bytes);

        report.ImportedCount.ShouldBe(5);
        (await _database.QueryAsAdminAsync<string>("SELECT string_agg(content::text, '') FROM fiche_drafts")).ShouldContain("économie");
    }

    private sealed class CallbackProgress(Action<LegacyImportProgress> callback) : IProgress<LegacyImportProgress>
    {
        public void Report(LegacyImportProgress value) => callback(value);
    }
}
