using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>The comparison pages and exports over the demo network, through HTTP.</summary>
public sealed class ComparisonPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly CultureInfo _fr = CultureInfo.GetCultureInfo("fr-FR");

    private async Task RefreshAsync() =>
        await site.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(site.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task PerInhabitant_Strasbourg2012_IsTheBudgetOverItsLegalPopulation()
    {
        await RefreshAsync();
        var population = await ScalarAsync<int>("SELECT population FROM tenants WHERE slug = 'eurometropole-de-strasbourg'");
        var expected = 1_000_000d / population;

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons?indicateur=budget_total&annee=2012&par-habitant=1&membre=eurometropole-de-strasbourg");

        status.ShouldBe(200);
        var row = page.QuerySelector("table.comparison-table tr[data-slug='eurometropole-de-strasbourg']").ShouldNotBeNull();
        double.Parse(row.GetAttribute("data-metric")!, CultureInfo.InvariantCulture).ShouldBe(expected, 1e-9);
        var shown = Math.Round(expected, 2).ToString("0.00", _fr) + " € par habitant";
        row.Text().ShouldContain(shown);
        row.Text().ShouldContain("1 000 000 €");
        row.Text().ShouldContain("2012");
        row.Text().ShouldContain("population 2026 pour une valeur 2012");
        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("1 membre a une valeur en 2012");
        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("population 2026 pour une valeur 2012");
        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("Eurométropole de Strasbourg se situe au 1er rang sur 1");
        page.QuerySelector(".comparison .meta")!.Text().ShouldContain("population légale");
    }

    [Fact]
    public async Task PerInhabitant_EstEnsemble2023_StatesPopulationAndVintage()
    {
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons?indicateur=budget_total&fin=2023&fenetre=10&par-habitant=1&groupe=tout");

        status.ShouldBe(200);
        // 392 000 € / 449 538 inhabitants (2026 vintage) = 0,872 €.
        var row = page.QuerySelector("table.comparison-table tr[data-slug='est-ensemble']").ShouldNotBeNull();
        row.Text().ShouldContain("0,87 € par habitant"); // Text() folds the no-break space to a plain one
        row.TextContent.ShouldContain("0,87\u00a0€"); // French typography: no break between a number and its unit
        row.Text().ShouldContain("392 000 €");
        row.Text().ShouldContain("449 538");
        row.Text().ShouldContain("population 2026 pour une valeur 2023");
        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("par exemple population 2026 pour une valeur");
        page.QuerySelector("table.comparison-table tr[data-slug='eurometropole-de-strasbourg']").ShouldBeNull(); // its 2012 value is out of 2014-2023
    }

    [Fact]
    public async Task Chart_BarsCarryExactlyTheNumbersOfTheTable()
    {
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons?indicateur=ess_establishments&annee=2018&membre=region-grand-est");

        status.ShouldBe(200);
        var bars = page.QuerySelectorAll("svg[data-chart='rank'] .chart-bar")
            .Select(b => (b.GetAttribute("data-slug"), b.GetAttribute("data-metric"), b.QuerySelector(".chart-value")!.Text())).ToList();
        var rows = page.QuerySelectorAll("table.comparison-table tbody tr")
            .Select(r => (r.GetAttribute("data-slug"), r.GetAttribute("data-metric"), r.QuerySelectorAll("td")[4].Text())).ToList();
        bars.Count.ShouldBe(2);
        bars.ShouldBe(rows);
        bars[0].Item1.ShouldBe("region-grand-est");
        bars[0].Item3.ShouldBe("15 000");
        page.QuerySelector("svg[data-chart='rank']")!.GetAttribute("role").ShouldBe("img");
        page.QuerySelector("svg[data-chart='rank']")!.GetAttribute("aria-describedby").ShouldBe("comparison-summary");
        page.QuerySelectorAll("svg[data-chart='rank'] .chart-mark").Length.ShouldBe(3);
        page.QuerySelector(".chart-bar.is-focus")!.GetAttribute("data-slug").ShouldBe("region-grand-est");
    }

    [Fact]
    public async Task ExportCsv_HasTheHeaderAndTheRowsOfThePage_InTheSameOrder()
    {
        await RefreshAsync();
        var client = site.Factory.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/comparaisons?indicateur=ess_establishments&annee=2018");
        var pageSlugs = page.QuerySelectorAll("table.comparison-table tbody tr").Select(r => r.GetAttribute("data-slug")).ToList();
        var link = page.QuerySelectorAll(".comparison-links a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("export.csv", StringComparison.Ordinal));

        using var response = await client.GetAsync(new Uri(link, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("comparaison-ess_establishments-2018.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("rank,tenant_slug,tenant_name,tenant_kind,siren_or_insee,region_code,region_name,population,population_vintage,"
            + "indicator_code,indicator_label,unit,year,value,per_capita_base,per_capita_value,source_title,source_url,visibility,origin");
        lines.Skip(1).Select(l => l.Split(',')[1].Trim('"')).ShouldBe(pageSlugs);
        lines[1].ShouldStartWith("1,\"region-grand-est\",\"Région Grand Est\",\"region\",");
        lines[1].ShouldContain(",\"ess_establishments\",");
        lines[1].ShouldContain(",\"count\",2018,15000,10000,");
    }

    [Fact]
    public async Task ExportCsv_InseeCodeWithLeadingZero_StaysQuotedText()
    {
        var tenant = await site.Database.CreateTenantAsync(TestSirens.Next());
        await ScalarAsync<int>($"WITH u AS (UPDATE tenants SET siren = NULL, insee_code = '01053' WHERE id = '{tenant.Id}' RETURNING 1) SELECT count(*)::int FROM u");
        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                TenantId = tenant.Id, IndicatorCode = "scop_count", Year = 1999, Value = 4, Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual, SourceTitle = "Test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await RefreshAsync();

        using var response = await site.Factory.CreateClient().GetAsync(new Uri("/comparaisons/export.csv?indicateur=scop_count&annee=1999", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();
        using var json = await site.Factory.CreateClient().GetAsync(new Uri("/comparaisons/export.json?indicateur=scop_count&annee=1999", UriKind.Relative));
        var text = await json.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Split("\r\n")[1].ShouldContain($"\"{tenant.Slug}\"");
        csv.Split("\r\n")[1].Split(',')[4].ShouldBe("\"01053\"");
        text.ShouldContain("\"siren_or_insee\": \"01053\"");
        text.ShouldContain("\"distribution\": {");
        text.ShouldContain("\"median\": 4");
    }

    [Theory]
    [InlineData("/comparaisons?indicateur=inconnu", "n’existe pas dans le catalogue")]
    [InlineData("/comparaisons?indicateur=budget_total&annee=abc", "L’année « abc » n’est pas reconnue")]
    [InlineData("/comparaisons?indicateur=budget_total&annee=99999999999999999999", "n’est pas reconnue")]
    [InlineData("/comparaisons?indicateur=budget_total&annee=2012&p=99999999999", "numéro de page")]
    [InlineData("/comparaisons?indicateur=budget_total&membre=pas-une-collectivite", "Aucune collectivité membre ne correspond à « pas-une-collectivite »")]
    [InlineData("/comparaisons?indicateur=budget_total&groupe=liste", "au moins un membre")]
    [InlineData("/comparaisons?indicateur=budget_total&groupe=type", "Choisissez le type")]
    [InlineData("/comparaisons?indicateur=budget_total&strate=enorme", "strate de population")]
    [InlineData("/comparaisons?indicateur=ess_share_private_jobs&par-habitant=1", "ne se rapporte pas à la population")]
    [InlineData("/comparaisons/groupes?indicateur=budget_total&regroupement=n-importe", "regroupement demandé")]
    [InlineData("/comparaisons/evolution?indicateur=social_clause_fte&membre=inconnue", "Aucune collectivité membre")]
    public async Task BadParameters_ShowAFrenchMessage_NeverAnError(string url, string message)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), url);

        status.ShouldBe(200);
        page.QuerySelector(".comparison-errors").ShouldNotBeNull(url).Text().ShouldContain(message);
    }

    [Fact]
    public async Task FiveHundredMembers_AreRefusedWithAMessage()
    {
        var query = string.Join('&', Enumerable.Range(0, 500).Select(i => $"membre=m{i}"));

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/comparaisons?groupe=liste&" + query);
        using var export = await site.Factory.CreateClient().GetAsync(new Uri("/comparaisons/export.csv?groupe=liste&" + query, UriKind.Relative));

        status.ShouldBe(200);
        page.QuerySelector(".comparison-errors")!.Text().ShouldContain("au plus 50 membres ; 500 ont été demandés");
        export.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await export.Content.ReadAsStringAsync()).ShouldContain("au plus 50 membres");
    }

    [Theory]
    [InlineData("/comparaisons/export.csv?indicateur=inconnu", HttpStatusCode.BadRequest)]
    [InlineData("/comparaisons/export.json?indicateur=budget_total&annee=abc", HttpStatusCode.BadRequest)]
    [InlineData("/comparaisons/export.xml?indicateur=budget_total", HttpStatusCode.NotFound)]
    [InlineData("/comparaisons/export.csv?vue=evolution&indicateur=social_clause_fte", HttpStatusCode.BadRequest)]
    [InlineData("/comparaisons/export.csv?vue=evolution&indicateur=social_clause_fte&membre=ca-la-rochelle", HttpStatusCode.OK)]
    [InlineData("/comparaisons/export.json?vue=groupes&indicateur=budget_total&annee=2012&regroupement=type", HttpStatusCode.OK)]
    public async Task Exports_AnswerWithoutServerError(string url, HttpStatusCode expected)
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task List_MemberWithoutValueThatYear_ShowsItsNearestYearUnranked()
    {
        await RefreshAsync();

        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons?indicateur=social_clause_fte&annee=2023&groupe=liste&membre=ca-la-rochelle&membre=eurometropole-de-strasbourg&membre=region-grand-est");

        page.QuerySelectorAll("table.comparison-table tbody tr").Select(r => r.GetAttribute("data-slug")).ShouldBe(["ca-la-rochelle"]);
        var missing = page.QuerySelectorAll(".missing-members li").Select(li => li.Text()).ToList();
        missing.Count.ShouldBe(2);
        missing.ShouldAllBe(text => text.Contains("aucune valeur publiée"));
    }

    [Fact]
    public async Task Evolution_LaRochelleSocialClauseFte_ShowsEachYearAndNoInterpolation()
    {
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons/evolution?indicateur=social_clause_fte&membre=ca-la-rochelle");

        status.ShouldBe(200);
        page.QuerySelectorAll("svg[data-chart='series'] .series-point")
            .Select(p => (p.GetAttribute("data-year"), p.GetAttribute("data-metric"))).ToList()
            .ShouldBe([("2021", "115"), ("2022", "140"), ("2023", "138")]);
        page.QuerySelectorAll("table.series-table tbody tr").Select(r => r.GetAttribute("data-metric")).ShouldBe(["115", "140", "138"]);
        page.QuerySelector("#series-summary")!.Text().ShouldContain("CA de La Rochelle a une valeur pour 3 années (2021, 2022, 2023)");
    }

    [Fact]
    public async Task Groups_ByKind_TableEqualsChart()
    {
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(),
            "/comparaisons/groupes?indicateur=ess_establishments&annee=2018&regroupement=type");

        status.ShouldBe(200);
        var boxes = page.QuerySelectorAll("svg[data-chart='groups'] .chart-box").Select(b => (b.GetAttribute("data-group"), b.GetAttribute("data-median"))).ToList();
        var rows = page.QuerySelectorAll("table.groups-table tbody tr").Select(b => (b.GetAttribute("data-group"), b.GetAttribute("data-median"))).ToList();
        boxes.ShouldBe(rows);
        boxes.ShouldBe([("ca", "2132"), ("region", "15000")], ignoreOrder: true);
    }

    [Fact]
    public async Task FichePage_LinksToTheComparisonOfTheMember()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites/ca-la-rochelle");

        page.QuerySelector(".fiche-compare a")!.GetAttribute("href").ShouldBe("/comparaisons?membre=ca-la-rochelle");
        page.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")).ShouldContain("/comparaisons");
    }
}
