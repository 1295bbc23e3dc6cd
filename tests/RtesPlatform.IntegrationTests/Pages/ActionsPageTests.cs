using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>
/// "Qui fait quoi" (/actions) over the demo network. Expected actions are computed from the demo
/// JSON and the seeded tenants' kind and région, so that the tests follow the seed when it changes.
/// </summary>
public sealed class ActionsPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly DemoNetwork _demo = DemoNetwork.Load();

    /// <summary>(collectivity slug, action title) as a visitor reads them on the page, in page order.</summary>
    private static List<(string Slug, string Title)> Listed(IDocument page) =>
        [.. page.QuerySelectorAll(".action-list > li.card").Select(card => (
            card.QuerySelector(".action-by a")!.GetAttribute("href")!["/collectivites/".Length..],
            card.QuerySelector(".card-title")!.Text()))];

    private static List<(string Slug, string Title)> DemoActions(Func<DemoTenant, SupportedAction, bool> keep) =>
        [.. _demo.Tenants.SelectMany(t => t.Content.Actions.Where(a => keep(t, a)).Select(a => (t.Slug, Html.Fold(a.Title))))];

    private static string CountText(int actions, int collectivities) =>
        $"{actions} action{(actions > 1 ? "s" : "")} de {collectivities} collectivité{(collectivities > 1 ? "s" : "")}";

    private async Task<Dictionary<string, (TenantKind Kind, string? RegionCode)>> SeededTenantsAsync()
    {
        var tenants = new Dictionary<string, (TenantKind, string?)>(StringComparer.Ordinal);
        await site.Database.RunWithoutTenantAsync(async db =>
        {
            foreach (var t in await db.Tenants.AsNoTracking().Select(t => new { t.Slug, t.Kind, t.RegionCode }).ToListAsync())
            {
                tenants[t.Slug] = (t.Kind, t.RegionCode);
            }
        });
        return tenants;
    }

    [Fact]
    public async Task NoFilter_ListsEveryDemoActionOnce_UnderThemeHeadingsInTaxonomyOrder()
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions");

        status.ShouldBe(200);
        var expected = DemoActions((_, _) => true);
        expected.Count.ShouldBeLessThanOrEqualTo(25, "the demo network fits on one page; paginate this test if it grows");
        Listed(page).ShouldBe(expected, ignoreOrder: true);
        page.QuerySelector(".result-count")!.Text().ShouldBe(CountText(expected.Count, expected.Select(a => a.Slug).Distinct().Count()));

        // Headings follow the taxonomy's order; each action sits under the first theme it is tagged with.
        var themes = page.QuerySelectorAll("#f-theme option").Skip(1).Select(o => (Code: o.GetAttribute("value")!, Label: o.Text())).ToList();
        var headingCodes = _demo.Tenants.SelectMany(t => t.Content.Actions).Select(a => a.Themes[0]).ToHashSet();
        page.QuerySelectorAll("h2").Select(h => h.Text())
            .ShouldBe([.. themes.Where(t => headingCodes.Contains(t.Code)).Select(t => t.Label)]);
        foreach (var section in page.QuerySelectorAll("section.action-theme"))
        {
            var code = themes.Single(t => t.Label == section.QuerySelector("h2")!.Text()).Code;
            section.QuerySelectorAll(".card-title").Select(h => h.Text())
                .ShouldBe(DemoActions((_, a) => a.Themes[0] == code).Select(a => a.Title), ignoreOrder: true);
        }
    }

    [Fact]
    public async Task WithinATheme_CollectivitiesAreInFrenchAlphabeticalOrder()
    {
        // iae: La Rochelle, Est Ensemble, Région Grand Est, Eurométropole de Strasbourg carry such actions.
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?theme=iae");

        var names = page.QuerySelectorAll(".action-by a").Select(a => a.Text()).Distinct().ToList();
        names.Count.ShouldBeGreaterThan(2);
        names.ShouldBe([.. names.Order(StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), ignoreCase: false))]);
    }

    [Fact]
    public async Task ThemeFilter_ListsExactlyTheDemoActionsTaggedWithThatTheme_ForEveryTheme()
    {
        var client = site.Factory.CreateClient();
        var (_, form) = await Html.GetAsync(client, "/actions");
        var themes = form.QuerySelectorAll("#f-theme option").Skip(1).Select(o => (Code: o.GetAttribute("value")!, Label: o.Text())).ToList();
        themes.ShouldNotBeEmpty();

        foreach (var (code, label) in themes)
        {
            var (status, page) = await Html.GetAsync(client, "/actions?theme=" + code);

            status.ShouldBe(200);
            var expected = DemoActions((_, a) => a.Themes.Contains(code));
            Listed(page).ShouldBe(expected, ignoreOrder: true, customMessage: code);
            if (expected.Count == 0)
            {
                page.QuerySelector(".result-count")!.Text().ShouldBe("Aucune action ne correspond à ces critères.");
                page.QuerySelectorAll("h2").ShouldBeEmpty();
            }
            else
            {
                page.QuerySelector(".result-count")!.Text().ShouldBe(CountText(expected.Count, expected.Select(a => a.Slug).Distinct().Count()));
                page.QuerySelectorAll("h2").Select(h => h.Text()).ShouldBe([label]);
            }

            page.QuerySelector("#f-theme option[selected]")!.GetAttribute("value").ShouldBe(code);
        }

        // The demo must exercise both cases, or the loop above proves little.
        themes.Count(t => DemoActions((_, a) => a.Themes.Contains(t.Code)).Count > 1).ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData("ca")]
    [InlineData("region")]
    [InlineData("ept")]
    public async Task KindFilter_ListsTheActionsOfCollectivitiesOfThatKind(string kindCode)
    {
        var tenants = await SeededTenantsAsync();
        var kind = TenantKindLabels.FromCode(kindCode)!.Value;

        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?type=" + kindCode);

        var expected = DemoActions((t, _) => tenants[t.Slug].Kind == kind);
        expected.ShouldNotBeEmpty();
        Listed(page).ShouldBe(expected, ignoreOrder: true);
        page.QuerySelectorAll(".facts dd").Where(dd => dd.PreviousElementSibling!.Text() == "Type").Select(dd => dd.Text())
            .ShouldAllBe(text => text == TenantKindLabels.French(kind));
    }

    [Fact]
    public async Task KindWithoutActions_SaysSoInFrench()
    {
        var tenants = await SeededTenantsAsync();
        // The Ardennes' fiche lists no action: a kind whose members have none shows the empty state.
        var kind = tenants[_demo.Tenants.First(t => t.Content.Actions.Count == 0).Slug].Kind;
        DemoActions((t, _) => tenants[t.Slug].Kind == kind).ShouldBeEmpty();

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?type=" + TenantKindLabels.Code(kind));

        status.ShouldBe(200);
        page.QuerySelector(".result-count")!.Text().ShouldBe("Aucune action ne correspond à ces critères.");
        page.QuerySelectorAll(".action-list").ShouldBeEmpty();
        page.QuerySelector("#f-type option[selected]")!.GetAttribute("value").ShouldBe(TenantKindLabels.Code(kind));
    }

    [Fact]
    public async Task RegionFilter_CombinedWithTheme_ListsTheMatchingActionsOnly()
    {
        var tenants = await SeededTenantsAsync();

        var (_, region) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?region=44");
        var (_, regionAndTheme) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?region=44&theme=jeunesse-entrepreneuriat");

        var inGrandEst = DemoActions((t, _) => tenants[t.Slug].RegionCode == "44");
        inGrandEst.ShouldNotBeEmpty();
        Listed(region).ShouldBe(inGrandEst, ignoreOrder: true);
        region.QuerySelectorAll(".facts dd").Where(dd => dd.PreviousElementSibling!.Text() == "Région").Select(dd => dd.Text())
            .ShouldAllBe(text => text == "Grand Est");
        var both = DemoActions((t, a) => tenants[t.Slug].RegionCode == "44" && a.Themes.Contains("jeunesse-entrepreneuriat"));
        both.Count.ShouldBeLessThan(inGrandEst.Count);
        Listed(regionAndTheme).ShouldBe(both, ignoreOrder: true);
    }

    [Fact]
    public async Task EachAction_LinksToItsCollectivitysFiche_AndShowsYearsThemesAndAnExtract()
    {
        var client = site.Factory.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/actions?theme=commande-publique");

        var hrefs = page.QuerySelectorAll(".action-by a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        hrefs.ShouldNotBeEmpty();
        foreach (var href in hrefs)
        {
            var (status, fiche) = await Html.GetAsync(client, href);
            status.ShouldBe(200);
            fiche.QuerySelector("h1")!.Text().ShouldBe(page.QuerySelector($".action-by a[href='{href}']")!.Text());
        }

        // La Rochelle's Club: years from 2016, two themes, a description longer than the extract.
        var club = _demo.Tenants.Single(t => t.Slug == "ca-la-rochelle").Content.Actions
            .Single(a => a.YearStart is not null && a.Themes.Contains("commande-publique"));
        var card = page.QuerySelectorAll(".action-list > li.card").Single(c => c.QuerySelector(".card-title")!.Text() == Html.Fold(club.Title));
        card.QuerySelectorAll(".facts dt").Single(dt => dt.Text() == "Années").NextElementSibling!.Text().ShouldBe($"depuis {club.YearStart}");
        card.QuerySelectorAll(".tags a").Select(a => a.GetAttribute("href")).ShouldBe([.. club.Themes.Select(t => "/actions?theme=" + t)]);
        var extract = card.QuerySelector(".action-excerpt")!.Text();
        club.Description!.Length.ShouldBeGreaterThan(220);
        extract.ShouldEndWith("…");
        extract.Length.ShouldBeLessThanOrEqualTo(221);
        Html.Fold(club.Description).ShouldStartWith(extract.TrimEnd('…'));
    }

    [Theory]
    [InlineData("?theme=inconnu", "Le thème demandé n’existe pas")]
    [InlineData("?theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Le thème demandé n’existe pas")]
    [InlineData("?type=garbage", "Le type de collectivité demandé n’est pas reconnu")]
    [InlineData("?region=%27%3B%20DROP%20TABLE%20tenants%3B--", "La région demandée n’est pas reconnue")]
    [InlineData("?p=-5", null)]
    [InlineData("?p=abc", null)]
    [InlineData("?p=99999999999", null)]
    [InlineData("?p=1.5&type=", null)]
    [InlineData("?theme=&type=&region=", null)]
    [InlineData("?theme=iae&theme=tiers-lieux", null)]
    public async Task OddQueryStrings_ListActionsWithoutError(string query, string? notice)
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions" + query);

        status.ShouldBe(200);
        Listed(page).ShouldNotBeEmpty();
        var notices = page.QuerySelectorAll(".notice").Select(n => n.Text()).ToList();
        if (notice is null)
        {
            notices.ShouldBeEmpty();
        }
        else
        {
            notices.ShouldHaveSingleItem().ShouldStartWith(notice);
            Listed(page).Count.ShouldBe(DemoActions((_, _) => true).Count);
        }
    }

    [Fact]
    public async Task VeryLongParameters_AnswerWithoutError()
    {
        var longValue = new string('x', 1500);

        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), $"/actions?theme={longValue}&type={longValue}&region={longValue}&p={longValue}");

        status.ShouldBe(200);
        page.QuerySelectorAll(".notice").Length.ShouldBe(3);
        page.DocumentElement.OuterHtml.ShouldNotContain(longValue);
    }

    [Fact]
    public async Task Page_IsAccessible_LabelledFiltersSubmitButtonAndNavigationLink()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/actions");

        page.DocumentElement.GetAttribute("lang").ShouldBe("fr");
        page.QuerySelectorAll("h1").Select(h => h.Text()).ShouldBe(["Qui fait quoi"]);
        var selects = page.QuerySelectorAll("form.filters select").ToList();
        selects.Count.ShouldBe(3);
        foreach (var select in selects)
        {
            page.QuerySelector($"label[for='{select.Id}']").ShouldNotBeNull();
        }

        page.QuerySelector("form.filters")!.GetAttribute("method").ShouldBe("get");
        page.QuerySelector("form.filters button[type=submit]").ShouldNotBeNull();
        page.QuerySelectorAll(".action-list .card-title").ShouldAllBe(h => h.TagName == "H3");
        page.QuerySelector(".main-nav a[href='/actions']")!.GetAttribute("aria-current").ShouldBe("page");

        var (_, directory) = await Html.GetAsync(site.Factory.CreateClient(), "/collectivites");
        var link = directory.QuerySelector(".main-nav a[href='/actions']");
        link.ShouldNotBeNull();
        link.GetAttribute("aria-current").ShouldBeNull();
    }

    [Fact]
    public async Task MoreThanAPage_PaginatesKeepingFilters_AndAPageTooFarShowsTheLast()
    {
        // Its own database: the extra actions must not change what the other tests of the class count.
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var tenant = await database.CreateTenantAsync("commune:35238");
        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Actions = [.. Enumerable.Range(1, 30).Select(i => new SupportedAction
            {
                Title = $"Action {i:00}",
                Description = $"**Action** numéro {i}",
                Themes = i <= 27 ? ["iae"] : [],
            })],
        });
        await using var factory = new RtesWebFactory(database);
        var client = factory.CreateClient();

        var (_, first) = await Html.GetAsync(client, "/actions?type=commune");
        var (_, second) = await Html.GetAsync(client, "/actions?type=commune&p=2");
        var (tooFarStatus, tooFar) = await Html.GetAsync(client, "/actions?type=commune&p=99");

        first.QuerySelector(".result-count")!.Text().ShouldBe("30 actions de 1 collectivité");
        Listed(first).Select(a => a.Title).ShouldBe([.. Enumerable.Range(1, 25).Select(i => $"Action {i:00}")]);
        Listed(second).Select(a => a.Title).ShouldBe([.. Enumerable.Range(26, 5).Select(i => $"Action {i:00}")]);
        second.QuerySelectorAll("h2").Select(h => h.Text()).ShouldBe(["Insertion par l’activité économique", "Sans thème"]);
        first.QuerySelector(".action-excerpt")!.Text().ShouldBe("Action numéro 1");
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        next.ShouldContain("type=commune");
        next.ShouldContain("p=2");
        first.QuerySelector(".pagination a[aria-current=page]")!.Text().ShouldBe("Page 1");
        second.QuerySelector(".pagination a[aria-current=page]")!.Text().ShouldBe("Page 2");
        second.QuerySelector(".pagination a[rel=next]").ShouldBeNull();
        tooFarStatus.ShouldBe(200);
        tooFar.QuerySelector(".pagination a[aria-current=page]")!.Text().ShouldBe("Page 2");
        Listed(tooFar).ShouldBe(Listed(second));

        var (_, themed) = await Html.GetAsync(client, "/actions?type=commune&theme=iae&p=2");
        themed.QuerySelector(".result-count")!.Text().ShouldBe("27 actions de 1 collectivité");
        Listed(themed).Select(a => a.Title).ShouldBe(["Action 26", "Action 27"]);
        themed.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href")!.ShouldContain("theme=iae");
    }

    [Fact]
    public async Task ThemeFilterAndTextSearch_ExplainTheirDifference_AndLinkEachOther()
    {
        var tagged = DemoActions((_, a) => a.Themes.Contains("commande-publique")).Count;

        var (_, actions) = await Html.GetAsync(site.Factory.CreateClient(), "/actions?theme=commande-publique");
        var (status, search) = await Html.GetAsync(site.Factory.CreateClient(), "/recherche?q=commande+publique");

        actions.QuerySelector(".theme-note a")!.GetAttribute("href").ShouldBe("/recherche?q=Commande%20publique%20responsable%20et%20clauses%20sociales");
        status.ShouldBe(200);
        var note = search.QuerySelector(".theme-vs-text")!;
        note.Text().ShouldContain("« Commande publique responsable et clauses sociales » est aussi un thème");
        note.Text().ShouldContain("étiquette");
        var link = note.QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe("/actions?theme=commande-publique");
        link.Text().ShouldContain(tagged == 1 ? "Voir l’action classée" : $"Voir les {tagged} actions classées");
        Listed(actions).Count.ShouldBe(tagged);

        var (_, other) = await Html.GetAsync(site.Factory.CreateClient(), "/recherche?q=agriculture+urbaine");
        other.QuerySelector(".theme-vs-text").ShouldBeNull();
    }
}
