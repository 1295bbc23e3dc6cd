using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Demo;

/// <summary>The demo as <c>./rtes run</c> seeds it in Development: the seed members and the fictitious ones.</summary>
public sealed class FictitiousDemoSite : IAsyncLifetime
{
    private RtesWebFactory? _factory;

    public TestDatabase Database { get; } = new();

    public RtesWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public DemoSeeder Seeder(string environmentName = "Development") => ActivatorUtilities.CreateInstance<DemoSeeder>(
        Factory.Services,
        Options.Create(new DemoOptions { FictitiousMembers = true }),
        (IHostEnvironment)new TestEnvironment(environmentName));

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _factory = new RtesWebFactory(Database);
        await Seeder().SeedAsync(CancellationToken.None);
        await Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "RtesPlatform.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

public sealed class FictitiousMembersTests(FictitiousDemoSite site) : IClassFixture<FictitiousDemoSite>
{
    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(site.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Seed_AddsTheFictitiousMembersOnce_WithoutOfficialIdentifiers()
    {
        var versions = await ScalarAsync<long>("SELECT count(*) FROM fiche_versions");
        await site.Seeder().SeedAsync(CancellationToken.None);

        (await ScalarAsync<long>("SELECT count(*) FROM tenants WHERE origin = 'synthetic'")).ShouldBe(FictitiousMembers.All.Count);
        (await ScalarAsync<long>("SELECT count(*) FROM tenants WHERE origin = 'reference'")).ShouldBe(DemoNetwork.Load().Tenants.Count);
        (await ScalarAsync<long>("SELECT count(*) FROM tenants WHERE origin = 'synthetic' AND (siren IS NOT NULL OR insee_code IS NOT NULL)")).ShouldBe(0);
        (await ScalarAsync<long>("SELECT count(*) FROM tenants WHERE origin = 'synthetic' AND published_version = 1")).ShouldBe(FictitiousMembers.All.Count);
        (await ScalarAsync<long>("SELECT count(*) FROM fiche_versions")).ShouldBe(versions, "a second seed publishes nothing new");
        // Several years, and members whose latest value is of different years.
        (await ScalarAsync<long>("""
            SELECT count(DISTINCT v.year) FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE t.origin = 'synthetic' AND v.indicator_code = 'budget_total'
            """)).ShouldBeGreaterThanOrEqualTo(4);
        (await ScalarAsync<long>("""
            SELECT count(DISTINCT last) FROM (SELECT max(v.year) AS last FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
            WHERE t.origin = 'synthetic' AND v.indicator_code = 'budget_total' GROUP BY t.id) m
            """)).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Seed_InProduction_NeverCreatesFictitiousMembers()
    {
        var seeder = site.Seeder("Production");

        seeder.SeedsFictitiousMembers.ShouldBeFalse();
        site.Seeder("Development").SeedsFictitiousMembers.ShouldBeTrue();
        // The configuration that ./rtes test and the integration hosts use turns them off.
        site.Factory.Services.GetRequiredService<DemoSeeder>().SeedsFictitiousMembers.ShouldBeFalse();
    }

    [Theory]
    [InlineData("est-ensemble", "budget_total", "Établissements publics territoriaux de 250 000 à 500 000 habitants de la région Île-de-France")]
    [InlineData("ca-la-rochelle", "ess_employees&fin=2023", "Communautés d’agglomération de 100 000 à 250 000 habitants de la région Nouvelle-Aquitaine")]
    public async Task CompareThisMember_UsesItsRegionalPeerGroup_WithEveryFictitiousRowLabelled(string slug, string indicator, string group)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), $"/comparaisons?indicateur={indicator}&membre={slug}");

        status.ShouldBe(200);
        page.QuerySelector("#comparison-group")!.Text().ShouldContain(group);
        var rows = page.QuerySelectorAll("table.comparison-table tbody tr[data-slug]").ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(6);
        rows.ShouldContain(r => r.GetAttribute("data-slug") == slug);
        foreach (var row in rows)
        {
            var fictitious = row.GetAttribute("data-slug")!.StartsWith(FictitiousMembers.SlugPrefix, StringComparison.Ordinal);
            row.Text().Contains("Données fictives de démonstration", StringComparison.Ordinal).ShouldBe(fictitious, row.GetAttribute("data-slug"));
        }

        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("fictives de démonstration");
    }

    [Fact]
    public async Task Fiches_SayWhetherTheyAreFictitious()
    {
        var client = site.Factory.CreateClient();
        var (_, fictitious) = await Html.GetAsync(client, "/collectivites/" + FictitiousMembers.All[0].Slug);
        var (_, real) = await Html.GetAsync(client, "/collectivites/ca-la-rochelle");

        fictitious.QuerySelector("#donnees-fictives").ShouldNotBeNull().Text().ShouldContain("Données fictives de démonstration");
        fictitious.QuerySelector(".identity")!.Text().ShouldContain("population fictive");
        fictitious.QuerySelector(".identity")!.Text().ShouldNotContain("INSEE");
        real.QuerySelector("#donnees-fictives").ShouldBeNull();
        real.QuerySelector("article.fiche")!.Text().ShouldNotContain("fictive");
    }

    [Fact]
    public async Task Directory_LabelsEachFictitiousMember_AndNoRealOne()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites");

        var cards = page.QuerySelectorAll("ul.directory li.card").ToList();
        cards.Count.ShouldBeGreaterThan(FictitiousMembers.All.Count);
        foreach (var card in cards)
        {
            var slug = card.QuerySelector("a")!.GetAttribute("href")!["/collectivites/".Length..];
            (card.QuerySelector(".badge-fictitious") is not null).ShouldBe(slug.StartsWith(FictitiousMembers.SlugPrefix, StringComparison.Ordinal), slug);
        }
    }

    [Fact]
    public async Task OpenData_MarksFictitiousRowsAsSynthetic()
    {
        await site.Factory.Services.GetRequiredService<OpenDataExporter>().ExportAllAsync(null, CancellationToken.None);
        var client = site.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/donnees-ouvertes/valeurs.csv", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var origin = Array.IndexOf(header, "origine");
        origin.ShouldBeGreaterThan(0);
        var fictitiousNames = FictitiousMembers.All.Select(m => m.Name).ToHashSet();

        var rows = lines.Skip(1).ToList();
        rows.ShouldContain(l => fictitiousNames.Any(l.Contains));
        foreach (var line in rows)
        {
            var isFictitious = fictitiousNames.Any(line.Contains);
            
            line.Contains(",\"synthetic\",", StringComparison.Ordinal).ShouldBe(isFictitious, line);

        }
    }
}
