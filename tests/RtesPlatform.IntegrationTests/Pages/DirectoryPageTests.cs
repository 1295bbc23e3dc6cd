namespace RtesPlatform.IntegrationTests.Pages;

public sealed class DirectoryPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private async Task<(int Status, List<string> Names, string Count)> ListAsync(string query)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites" + query);
        var names = page.QuerySelectorAll(".directory .card-title a").Select(a => a.Text()).ToList();
        return (status, names, page.QuerySelector(".result-count")!.Text());
    }

    [Fact]
    public async Task NoFilter_ListsEverySeededMember_LinkingToTheirFiche()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites");

        var links = page.QuerySelectorAll(".directory .card-title a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe(
            [
                "/collectivites/mulhouse-alsace-agglomeration", "/collectivites/ca-la-rochelle",
                "/collectivites/cc-auberive-vingeanne-montsaugeonnais", "/collectivites/departement-des-ardennes",
                "/collectivites/est-ensemble", "/collectivites/eurometropole-de-strasbourg", "/collectivites/region-grand-est",
            ],
            ignoreOrder: true);
        page.QuerySelector(".result-count")!.Text().ShouldBe("7 collectivités");
    }

    [Fact]
    public async Task KindRegion_ListsGrandEstOnly()
    {
        var (_, names, count) = await ListAsync("?type=region");

        names.ShouldBe(["Région Grand Est"]);
        count.ShouldBe("1 collectivité");
    }

    [Fact]
    public async Task Membership2018_ListsMulhouseAndArdennes()
    {
        var (_, names, _) = await ListAsync("?adhesion=2018");

        names.ShouldBe(["CA Mulhouse Alsace Agglomération", "Département des Ardennes"], ignoreOrder: true);
    }

    [Fact]
    public async Task RegionGrandEst_ListsTheFiveGrandEstMembers()
    {
        var (_, names, _) = await ListAsync("?region=44");

        names.Count.ShouldBe(5);
        names.ShouldNotContain("CA de La Rochelle");
        names.ShouldNotContain("Est Ensemble");
    }

    [Fact]
    public async Task ThemeTiersLieux_ListsMembersWithSuchAnAction()
    {
        var (_, names, _) = await ListAsync("?theme=tiers-lieux");

        names.ShouldBe(["Est Ensemble", "CA Mulhouse Alsace Agglomération"], ignoreOrder: true);
    }

    [Fact]
    public async Task CombinedFilters_NoMatch_SaysSoInFrench()
    {
        var (status, names, count) = await ListAsync("?type=region&adhesion=2018");

        status.ShouldBe(200);
        names.ShouldBeEmpty();
        count.ShouldBe("Aucune collectivité ne correspond à ces critères.");
    }

    [Fact]
    public async Task DefaultSort_IsFrenchAlphabeticalOrder()
    {
        var (_, names, _) = await ListAsync("");

        names.ShouldBe(
        [
            "CA de La Rochelle", "CA Mulhouse Alsace Agglomération", "CC d'Auberive Vingeanne et Montsaugeonnais",
            "Département des Ardennes", "Est Ensemble", "Eurométropole de Strasbourg", "Région Grand Est",
        ]);
    }

    [Fact]
    public async Task SortByPopulation_PutsTheRegionFirst()
    {
        var (_, names, _) = await ListAsync("?tri=population");

        names[0].ShouldBe("Région Grand Est");
        names[^1].ShouldBe("CC d'Auberive Vingeanne et Montsaugeonnais");
    }

    [Theory]
    [InlineData("?type=inconnu")]
    [InlineData("?adhesion=abc")]
    [InlineData("?p=-5")]
    [InlineData("?p=99999999999")]
    [InlineData("?region=%27%3B%20DROP%20TABLE%20tenants%3B--")]
    [InlineData("?theme=%3Cscript%3E")]
    public async Task OddQueryStrings_AnswerWithoutError(string query)
    {
        var (status, _, _) = await ListAsync(query);

        status.ShouldBe(200);
    }

    [Fact]
    public async Task Filters_AreLabelledSelects()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites");

        foreach (var select in page.QuerySelectorAll("form.filters select"))
        {
            page.QuerySelector($"label[for='{select.Id}']").ShouldNotBeNull();
        }

        page.QuerySelectorAll("form.filters select").Length.ShouldBe(5);
    }
}
