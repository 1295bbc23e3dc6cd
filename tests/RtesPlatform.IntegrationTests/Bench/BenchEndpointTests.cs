using System.Globalization;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Bench;

/// <summary>
/// The baselines of bench/fiche-page.sh exist only when a bench setting is on, read the published
/// rows through the application's role, and count the database commands a page costs.
/// </summary>
public sealed class BenchEndpointTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RtesWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new RtesWebFactory(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task WithoutBenchSettings_NoBenchEndpointIsMapped()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        var client = _factory.CreateClient();

        (await client.GetAsync(new Uri($"/_bench/raw/{tenant.Slug}", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/_bench/db-commands", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RawEndpoint_WritesTheTenantRowAndItsPublishedVersion_404ForAnUnknownOrSuspendedSlug()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte publié du banc." } });
        var suspended = await database.CreateTenantAsync(TestSirens.Next());
        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", suspended.Id));
        var client = BenchClient();

        var body = await client.GetStringAsync(new Uri($"/_bench/raw/{tenant.Slug}", UriKind.Relative));

        body.ShouldContain(tenant.Name);
        body.ShouldContain("Texte publié du banc.");
        (await client.GetAsync(new Uri("/_bench/raw/inconnue", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/_bench/raw/{suspended.Slug}", UriKind.Relative))).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FichePage_OnceWarm_CostsOneDatabaseCommandPerRequest()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte publié." } });
        var client = BenchClient();
        (await client.GetAsync(new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative))).EnsureSuccessStatusCode();

        var before = await CommandsAsync(client);
        for (var i = 0; i < 40; i++)
        {
            (await client.GetAsync(new Uri($"/collectivites/{tenant.Slug}", UriKind.Relative))).EnsureSuccessStatusCode();
        }

        // Only commands run by requests count (the job server polls the same pool); the counter's
        // own request runs none once its probe is done.
        var perRequest = (await CommandsAsync(client) - before) / 40.0;
        perRequest.ShouldBeInRange(1.0, 1.1);
    }

    private HttpClient BenchClient() =>
        _factory.WithWebHostBuilder(b => b
            .UseSetting("Bench:RawEndpoint", "true")
            .UseSetting("OutputCaching:Enabled", "false")).CreateClient();

    private static async Task<long> CommandsAsync(HttpClient client) =>
        long.Parse(await client.GetStringAsync(new Uri("/_bench/db-commands", UriKind.Relative)), CultureInfo.InvariantCulture);
}
