using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>
/// The public fiche keeps the tenant row and its published version in memory, checked against the
/// row's version on every request: a change made directly in the database, by another instance,
/// shows on the very next request (output caching off, so that the page itself is rendered).
/// </summary>
public sealed class FicheFreshnessTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RtesWebFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new RtesWebFactory(database);
        _client = _factory.WithWebHostBuilder(b => b.UseSetting("OutputCaching:Enabled", "false")).CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task TenantRowChangedInTheDatabase_ShowsOnTheNextRequest()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte publié." } });
        (await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}")).Document.QuerySelector("h1")!.Text().ShouldBe(tenant.Name);

        await database.ExecuteAsAdminAsync(
            "UPDATE tenants SET name = 'Nouveau nom de test', address = '1 place de la Mairie' WHERE id = @id", ("id", tenant.Id));

        var (status, page) = await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}");
        status.ShouldBe(200);
        page.QuerySelector("h1")!.Text().ShouldBe("Nouveau nom de test");
        page.QuerySelector(".address")!.Text().ShouldBe("1 place de la Mairie");
        page.Body!.Text().ShouldContain("Texte publié.");
    }

    [Fact]
    public async Task PublishedVersionMovedByAnotherInstance_ShowsOnTheNextRequest()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        var first = await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version une." } });
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version deux." } });
        (await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text().ShouldContain("Version deux.");

        // A rollback to an older version, written by hand: no cache of this instance is told.
        await database.ExecuteAsAdminAsync(
            "UPDATE tenants SET published_version = @number WHERE id = @id", ("number", first.Number), ("id", tenant.Id));

        var text = (await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text();
        text.ShouldContain("Version une.");
        text.ShouldNotContain("Version deux.");
    }

    [Fact]
    public async Task TenantSuspendedAfterItsPageWasRead_Returns404AtOnce()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte publié." } });
        (await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}")).Status.ShouldBe(200);

        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", tenant.Id));

        var (status, page) = await Html.GetAsync(_client, $"/collectivites/{tenant.Slug}");
        status.ShouldBe(404);
        page.Body!.Text().ShouldNotContain("Texte publié.");
    }
}
