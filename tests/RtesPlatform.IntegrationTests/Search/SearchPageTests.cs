using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Search;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Search;

/// <summary>
/// /recherche over the demo network, as <c>./rtes run</c> seeds it. Expected results are computed
/// from the demo JSON (<see cref="DemoSearchDocuments"/>), so the tests follow the seed when it
/// changes. This class never writes: the publication tests have their own database.
/// </summary>
public sealed class SearchPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const int SearchPageSize = RtesPlatform.Web.Pages.Recherche.IndexModel.PageSize;
    private static readonly DemoNetwork _demo = DemoNetwork.Load();

    internal static List<(string Slug, string Kind, string Title)> Listed(IDocument page) =>
        [.. page.QuerySelectorAll("li.search-result").Select(card => (
            card.QuerySelector("a[href^='/collectivites/']")!.GetAttribute("href")!["/collectivites/".Length..],
            card.QuerySelector(".search-kind")!.Text(),
            card.QuerySelector(".card-title")!.Text()))];

    private async Task<(List<DemoSearchDocuments.Document> Documents, Dictionary<string, (TenantKind Kind, string? Region)> Tenants)> DemoAsync()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var tenants = new Dictionary<string, (TenantKind, string?)>(StringComparer.Ordinal);
        var themes = new Dictionary<string, string>(StringComparer.Ordinal);
        await site.Database.RunWithoutTenantAsync(async db =>
        {
            foreach (var t in await db.Tenants.AsNoTracking().Select(t => new { t.Slug, t.Name, t.Kind, t.RegionCode }).ToListAsync())
            {
                names[t.Slug] = t.Name;
                tenants[t.Slug] = (t.Kind, t.RegionCode);
            }

            foreach (var theme in await db.Themes.AsNoTracking().ToListAsync())
            {
                themes[theme.Code] = theme.LabelFr;
            }
        });
        return (DemoSearchDocuments.All(_demo, names, themes), tenants);
    }

    private async Task<List<(string Slug, string Kind, string Title)>> ExpectedAsync(
        string query, Func<DemoSearchDocuments.Document, (TenantKind Kind, string? Region), bool>? keep = null)
    {
        var (documents, tenants) = await DemoAsync();
        var matching = await DemoSearchDocuments.MatchingAsync(site.Database, [.. documents.Select(d => d.Text)], query);
        return [.. documents
            .Where((d, i) => matching.Contains(i) && (keep is null || keep(d, tenants[d.Slug])))
            .Select(d => d.Key)];
    }

    private async Task<IDocument> SearchAsync(string query, string filters = "")
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/recherche?q=" + Uri.EscapeDataString(query) + filters);
        status.ShouldBe(200);
        return page;
    }

    [Theory]
    [InlineData("clauses sociales")]
    [InlineData("tiers lieux")]
    [InlineData("economie circulaire")]
    public async Task DemoQueries_FindExactlyTheFichesAndActionsHoldingEveryWord(string query)
    {
        var expected = await ExpectedAsync(query);

        var page = await SearchAsync(query);

        // Independently of any stemming: every document holding the words as a phrase, whatever the
        // accents, case or hyphen, is among them.
        var (documents, _) = await DemoAsync();
        var phrase = DemoSearchDocuments.FoldForPhrase(query);
        var holdingThePhrase = documents.Where(d => DemoSearchDocuments.FoldForPhrase(d.Text).Contains(phrase, StringComparison.Ordinal)).Select(d => d.Key).ToList();
        holdingThePhrase.Count.ShouldBeGreaterThan(1);
        holdingThePhrase.Except(expected).ShouldBeEmpty();
        expected.Count.ShouldBeLessThanOrEqualTo(SearchPageSize, "paginate this test if the demo grows");
        Listed(page).ShouldBe(expected, ignoreOrder: true);
        var collectivities = expected.Select(e => e.Slug).Distinct().Count();
        page.QuerySelector(".result-count")!.Text().ShouldBe(
            $"{expected.Count} résultats dans les fiches de {collectivities} collectivité{(collectivities > 1 ? "s" : "")}");
        page.QuerySelectorAll("li.search-result mark").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TiersLieux_WithoutHyphen_FindsTheHyphenatedWord_Highlighted()
    {
        var page = await SearchAsync("tiers lieux");

        var marks = page.QuerySelectorAll("li.search-result mark").Select(m => m.Text().ToLowerInvariant()).ToList();
        marks.ShouldContain("tiers");
        marks.ShouldContain("lieux");
        page.QuerySelectorAll(".search-extract").Select(e => e.Text()).ShouldContain(t => t.Contains("tiers-lieux", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("ÉCONOMIE CIRCULAIRE", "economie circulaire")]
    [InlineData("Économie Circulaire", "economie circulaire")]
    [InlineData("CLAUSE SOCIALE", "clauses sociales")]
    [InlineData("Tiers-Lieux", "tiers lieux")]
    public async Task AccentsCaseAndNumber_AreIgnored(string variant, string reference)
    {
        var expected = Listed(await SearchAsync(reference));
        expected.ShouldNotBeEmpty();

        Listed(await SearchAsync(variant)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task Ranking_PutsTitlesHoldingEveryWordFirst()
    {
        var (documents, _) = await DemoAsync();
        var inTitle = documents
            .Where(d => d.Kind == "Action" && DemoSearchDocuments.FoldForPhrase(d.Title).Contains("clauses sociales", StringComparison.Ordinal))
            .Select(d => d.Key).ToList();
        inTitle.Count.ShouldBeGreaterThan(0);

        var listed = Listed(await SearchAsync("clauses sociales"));

        listed.Count.ShouldBeGreaterThan(inTitle.Count);
        listed.Take(inTitle.Count).ShouldBe(inTitle, ignoreOrder: true);
    }

    [Fact]
    public async Task KindFilter_KeepsTheCollectivitiesOfThatKind()
    {
        var expected = await ExpectedAsync("clauses sociales", (_, t) => t.Kind == TenantKind.Region);
        expected.ShouldNotBeEmpty();

        var listed = Listed(await SearchAsync("clauses sociales", "&type=region"));

        listed.ShouldBe(expected, ignoreOrder: true);
        listed.Count.ShouldBeLessThan((await ExpectedAsync("clauses sociales")).Count);
    }

    [Fact]
    public async Task RegionFilter_KeepsTheCollectivitiesOfThatRegion()
    {
        // 44: Grand Est (the région, Strasbourg and Mulhouse in the demo network).
        var expected = await ExpectedAsync("clauses sociales", (_, t) => t.Region == "44");
        expected.Select(e => e.Slug).Distinct().Count().ShouldBeGreaterThan(1);

        Listed(await SearchAsync("clauses sociales", "&region=44")).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task ThemeFilter_KeepsActionsOfThatThemeAndFichesWithSuchAnAction()
    {
        var expected = await ExpectedAsync("clauses sociales", (d, _) => d.Themes.Contains("iae"));
        expected.ShouldNotBeEmpty();

        var listed = Listed(await SearchAsync("clauses sociales", "&theme=iae"));

        listed.ShouldBe(expected, ignoreOrder: true);
        listed.Count.ShouldBeLessThan((await ExpectedAsync("clauses sociales")).Count);
    }

    [Fact]
    public async Task Pagination_SplitsTheResults_WithTheCurrentPageMarked()
    {
        const string query = "ess or economie";
        var expected = await ExpectedAsync(query);
        expected.Count.ShouldBeGreaterThan(SearchPageSize);

        var first = await SearchAsync(query);
        var second = await SearchAsync(query, "&p=2");

        var firstListed = Listed(first);
        firstListed.Count.ShouldBe(SearchPageSize);
        firstListed.Concat(Listed(second)).ShouldBe(expected, ignoreOrder: true);
        second.QuerySelector(".pagination a[aria-current='page']")!.Text().ShouldBe("Page 2");
        first.QuerySelector(".pagination a[rel='next']")!.GetAttribute("href")!.ShouldContain("p=2");
        first.QuerySelector(".pagination a[rel='next']")!.GetAttribute("href")!.ShouldContain("q=ess");
        second.QuerySelector("ol.search-results")!.GetAttribute("start").ShouldBe("21");
    }

    [Fact]
    public async Task EmptyQuery_ShowsHowToSearch()
    {
        var page = await SearchAsync("   ");

        page.QuerySelector(".search-help")!.Text().ShouldContain("Saisissez un ou plusieurs mots");
        page.QuerySelectorAll("li.search-result").Length.ShouldBe(0);
        page.QuerySelector(".result-count").ShouldBeNull();
    }

    [Fact]
    public async Task NoResult_SaysSoInFrench()
    {
        var page = await SearchAsync("xylophone quantique");

        page.QuerySelector(".result-count")!.Text().ShouldBe("Aucun résultat.");
        page.QuerySelector("main")!.Text().ShouldContain("Aucune fiche ni action ne contient ces mots.");
    }

    [Theory]
    [InlineData("/recherche?q=clauses&p=-1")]
    [InlineData("/recherche?q=clauses&p=0")]
    [InlineData("/recherche?q=clauses&p=99999")]
    [InlineData("/recherche?q=clauses&p=99999999999999")]
    [InlineData("/recherche?q=clauses&p=abc")]
    [InlineData("/recherche?q=%21%21%21+%26%26")]
    [InlineData("/recherche?q=le+et+la")]
    [InlineData("/recherche?q=%22")]
    [InlineData("/recherche?q=a%3A*+%7C+%21%28+%3C-%3E")]
    [InlineData("/recherche?q=%F0%9F%98%80+%ED%A0%80")]
    [InlineData("/recherche?q=clauses&theme=inconnu&type=galaxie&region=999")]
    [InlineData("/recherche?q=clauses&q=sociales")]
    public async Task BadParameters_NeverFail(string url)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), url);

        status.ShouldBe(200);
        page.QuerySelector("h1")!.Text().ShouldBe("Recherche");
    }

    [Theory]
    [InlineData("/recherche?q=clauses%00sociales")]
    [InlineData("/recherche?q=clauses%1Fsociales")]
    [InlineData("/recherche?q=clauses&theme=%C2%85")]
    public async Task ControlCharacters_AreRefusedWithAFrenchExplanation(string url)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), url);

        status.ShouldBe(400);
        page.QuerySelector("h1")!.Text().ShouldBe("Demande non valide");
        page.QuerySelector("main")!.Text().ShouldContain("caractère de contrôle");
    }

    [Fact]
    public async Task OnlyPunctuation_IsExplained()
    {
        var page = await SearchAsync("!!! &&");

        page.QuerySelector(".result-count")!.Text().ShouldStartWith("Aucun mot exploitable");
    }

    [Fact]
    public async Task UnknownFilters_AreDroppedWithANotice()
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/recherche?q=clauses+sociales&theme=inconnu&type=galaxie&region=999");

        status.ShouldBe(200);
        page.QuerySelectorAll(".notice").Length.ShouldBe(3);
        Listed(page).ShouldBe(await ExpectedAsync("clauses sociales"), ignoreOrder: true);
    }

    [Fact]
    public async Task HugeQuery_IsCutWithANotice()
    {
        // 20 characters a time: the cut falls between two words ("et" is a stop word).
        var huge = string.Concat(Enumerable.Repeat("clauses sociales et ", 500));
        huge.Length.ShouldBe(10_000);

        var page = await SearchAsync(huge);

        page.QuerySelector(".notice")!.Text().ShouldContain($"{FicheSearch.MaxQueryLength} premiers");
        page.QuerySelector("#f-q")!.GetAttribute("value")!.Length.ShouldBeLessThanOrEqualTo(FicheSearch.MaxQueryLength);
        Listed(page).ShouldBe(await ExpectedAsync("clauses sociales"), ignoreOrder: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/collectivites")]
    [InlineData("/actions")]
    [InlineData("/collectivites/ca-la-rochelle")]
    [InlineData("/recherche?q=clauses")]
    public async Task EveryPublicPage_HasALabelledSearchBoxInItsHeader(string url)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), url);

        status.ShouldBe(200);
        var form = page.QuerySelector("header form[role='search']")!;
        form.GetAttribute("action").ShouldBe("/recherche");
        form.GetAttribute("aria-label").ShouldNotBeNullOrWhiteSpace();
        var input = form.QuerySelector("input[name='q']")!;
        form.QuerySelector($"label[for='{input.Id}']")!.Text().ShouldNotBeNullOrWhiteSpace();
    }
}
