using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.IntegrationTests.Pages;

public sealed class FichePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    public static TheoryData<string> DemoSlugs()
    {
        var data = new TheoryData<string>();
        foreach (var tenant in DemoNetwork.Load().Tenants)
        {
            data.Add(tenant.Slug);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoSlugs))]
    public async Task SeededFiche_RendersEverySectionItHas_WithFiguresYearAndSource(string slug)
    {
        var demo = DemoNetwork.Load().Tenants.Single(t => t.Slug == slug);
        var content = demo.Content;
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), $"/collectivites/{slug}");

        status.ShouldBe(200);
        page.QuerySelector("#identite").ShouldNotBeNull();
        page.QuerySelector(".fiche-header")!.Text().ShouldContain("Fiche mise à jour le");
        (page.QuerySelector("#panorama") is not null).ShouldBe(content.Panorama.Narrative is not null || content.Panorama.Figures.Count > 0);
        (page.QuerySelector("#budget") is not null).ShouldBe(content.Budget.Narrative is not null || content.Budget.Lines.Count > 0 || content.Budget.Staff is not null);
        (page.QuerySelector("#programme") is not null).ShouldBe(content.Programme.StrategyTitle is not null || content.Programme.Narrative is not null || content.Programme.Axes.Count > 0);
        (page.QuerySelector("#actions") is not null).ShouldBe(content.Actions.Count > 0);
        (page.QuerySelector("#contacts") is not null).ShouldBe(content.Contacts.Any(c => c.MayBePublished));
        (page.QuerySelector("#sources") is not null).ShouldBe(content.Sources.Count > 0);

        // One tile per series (same label and unit), showing its latest figure.
        var figures = page.QuerySelectorAll(".key-figures .key-figure");
        var series = FigureSeries.Group(content.Panorama.Figures);
        figures.Length.ShouldBe(series.Count);
        for (var i = 0; i < figures.Length; i++)
        {
            var figure = series[i].Latest;
            var text = figures[i].Text();
            text.ShouldContain(figure.Label);
            text.ShouldContain(figure.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (content.Sources.FirstOrDefault(s => s.Key == figure.SourceKey) is { } source)
            {
                var link = figures[i].QuerySelector(".figure-meta a")!;
                link.GetAttribute("aria-label").ShouldBe($"source {content.Sources.ToList().IndexOf(source) + 1} : {source.Title}");
                page.QuerySelector(link.GetAttribute("href")!)!.Text().ShouldStartWith(Html.Fold(source.Title));
            }
        }

        foreach (var action in content.Actions)
        {
            page.QuerySelectorAll("#actions ~ .action h3, .action h3").Select(h => h.Text()).ShouldContain(Html.Fold(action.Title));
        }
    }

    [Fact]
    public async Task LaRochelle_FiguresAreFormattedInFrench_WithYearAndSource()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites/ca-la-rochelle");

        var employees = page.QuerySelectorAll(".key-figure").Single(f => f.Text().Contains("Salariés de l", StringComparison.Ordinal));
        employees.QuerySelector(".figure-value")!.Text().ShouldBe("8 049 personnes");
        employees.QuerySelector(".figure-meta")!.Text().ShouldBe("2019 · source 1");
        employees.QuerySelector(".figure-meta a")!.GetAttribute("aria-label")!.ShouldStartWith("source 1 : INSEE");
        page.QuerySelectorAll(".figure-value").Select(v => v.Text()).ShouldContain("15 %");
        page.QuerySelector("#identite")!.ParentElement!.Text().ShouldContain("185 015");
        page.QuerySelector("#identite")!.ParentElement!.Text().ShouldContain("population 2026");
    }

    [Fact]
    public async Task EstEnsemble_BudgetLinesShowAmountNatureAndYear()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites/est-ensemble");

        var rows = page.QuerySelectorAll("#budget ~ table tbody tr, .fiche-section table.data-table tbody tr")
            .Select(r => r.Text())
            .ToList();
        rows.ShouldContain(r => r.Contains("270 000 €", StringComparison.Ordinal) && r.Contains("2023", StringComparison.Ordinal) && r.Contains("Fonds et subventions", StringComparison.Ordinal));
        rows.ShouldContain(r => r.Contains("72 000 €", StringComparison.Ordinal) && r.Contains("Conventions de partenariat", StringComparison.Ordinal));
        rows.ShouldContain(r => r.Contains("50 000 €", StringComparison.Ordinal) && r.Contains("Fonctionnement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegionGrandEst_ShowsIdentityFromReferenceDataAndPublishedContacts()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites/region-grand-est");

        page.QuerySelector("h1")!.Text().ShouldBe("Région Grand Est");
        var identity = page.QuerySelectorAll("#identite ~ dl > div")
            .ToDictionary(d => d.QuerySelector("dt")!.Text(), d => d.QuerySelector("dd")!.Text());
        identity["Type de collectivité"].ShouldBe("Région");
        identity["Année d’adhésion au RTES"].ShouldBe("2016");
        identity["Nombre d’habitants"].ShouldStartWith("5 563 378 population 2026");
        page.QuerySelectorAll(".contacts li").Length.ShouldBeGreaterThan(0);
        page.QuerySelector("#budget")!.ParentElement!.Text().ShouldContain("5 800 000 €");
    }

    [Theory]
    [InlineData("/collectivites/inconnue")]
    [InlineData("/collectivites/Ca-La-Rochelle")]
    [InlineData("/collectivites/..%2F..%2Fetc")]
    [InlineData("/une-page-qui-n-existe-pas")]
    public async Task UnknownPage_Returns404PageInFrench(string url)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), url);

        status.ShouldBe(404);
        page.QuerySelector("h1")!.Text().ShouldBe("Page introuvable");
        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
    }
}
