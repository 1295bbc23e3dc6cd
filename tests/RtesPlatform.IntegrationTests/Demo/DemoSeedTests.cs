using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Demo;

/// <summary>The demo seed is run by every start of the demo: it must be stable across runs.</summary>
public sealed class DemoSeedTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Seed_RunTwice_GivesSevenTenantsWithOnePublishedVersionAndADraftEach()
    {
        var network = DemoNetwork.Load();
        var seeder = database.Services.GetRequiredService<DemoSeeder>();

        await seeder.SeedAsync(CancellationToken.None);
        var firstPublications = await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(tenant_id::text || ':' || number || ':' || published_at::text, ',' ORDER BY tenant_id) FROM fiche_versions");
        await seeder.SeedAsync(CancellationToken.None);

        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(7);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions")).ShouldBe(7);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts")).ShouldBe(7);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants WHERE published_version = 1")).ShouldBe(7);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts WHERE revision = 1")).ShouldBe(7);
        (await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(tenant_id::text || ':' || number || ':' || published_at::text, ',' ORDER BY tenant_id) FROM fiche_versions"))
            .ShouldBe(firstPublications);
        (await database.QueryAsAdminAsync<string>("SELECT string_agg(slug, ',' ORDER BY slug) FROM tenants"))
            .ShouldBe(string.Join(',', network.Tenants.Select(t => t.Slug).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Seed_PublishedVersions_HoldTheDemoContent()
    {
        var network = DemoNetwork.Load();
        await database.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var rochelle = network.Tenants.Single(t => t.Slug == "ca-la-rochelle");

        var publicFiche = await database.QueryAsAdminAsync<string>(
            """
            SELECT v.content::text FROM fiche_versions v JOIN tenants t ON t.id = v.tenant_id AND t.published_version = v.number
            WHERE t.slug = 'ca-la-rochelle'
            """);

        FicheJson.Serialize(FicheJson.Deserialize(publicFiche)).ShouldBe(FicheJson.Serialize(rochelle.Content));
        (await database.QueryAsAdminAsync<DateTime>("SELECT published_at FROM tenants WHERE slug = 'ca-la-rochelle'"))
            .ShouldBe(rochelle.PublishedAt.UtcDateTime);
    }
}
