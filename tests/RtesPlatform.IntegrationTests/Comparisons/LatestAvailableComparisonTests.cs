using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>
/// The comparison over a small hand-made network, checked against figures computed by hand: each
/// member's latest value in the window (mixed years), the window stated, the members without a
/// value listed and not ranked, quartiles over the values shown; the "similar" peer group at each
/// widening step; the page and the API alike. Each test has its own indicators, so no other
/// test's values are compared.
/// </summary>
public sealed class LatestAvailableComparisonTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task DefaultWindow_MixedYears_RanksEachLatestValue_ListsTheMissing_QuartilesOverTheValuesShown()
    {
        var code = await NewIndicatorAsync();
        var a = await MemberAsync("ca", "84", 150_000);
        var b = await MemberAsync("ca", "84", 150_000);
        var c = await MemberAsync("ca", "84", 150_000);
        var d = await MemberAsync("ca", "84", 150_000);
        var e = await MemberAsync("ca", "84", 150_000);
        var f = await MemberAsync("ca", "84", 150_000);
        await ValueAsync(a, code, 2019, 100);
        await ValueAsync(a, code, 2023, 40);   // a's latest: 40 (2023), not 100 (2019)
        await ValueAsync(b, code, 2021, 30);
        await ValueAsync(c, code, 2016, 999);  // before the window 2019-2023: listed, not ranked
        await ValueAsync(d, code, 2023, 10);
        await ValueAsync(e, code, 2022, 20);
        // f has no value at all.
        await RefreshAsync();
        var list = string.Concat(new[] { a, b, c, d, e, f }.Select(t => "&membre=" + t.Slug));

        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons?indicateur={code}&groupe=liste{list}");

        status.ShouldBe(200);
        var rows = page.QuerySelectorAll("table.comparison-table tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-slug")).ShouldBe([a.Slug, b.Slug, e.Slug, d.Slug]);
        rows.Select(r => r.QuerySelectorAll("td")[^3].Text().Trim()).ShouldBe(["2023", "2021", "2022", "2023"]);
        var summary = page.QuerySelector("#comparison-summary")!.Text();
        summary.ShouldContain("4 membres ont une valeur entre 2019 et 2023.");
        summary.ShouldContain("Valeurs de 2021 à 2023 (la plus récente de chaque membre) ; l’année de chaque valeur est indiquée.");
        summary.ShouldContain("2 membres du groupe n’ont pas de valeur entre 2019 et 2023 : ils sont listés sans être classés.");
        // Values 10, 20, 30, 40: Q1 17.5, median 25, Q3 32.5 (linear interpolation).
        summary.ShouldContain("Médiane : 25 ; premier quartile : 17,5 ; troisième quartile : 32,5");
        var missing = page.QuerySelectorAll(".missing-members li").ToDictionary(li => li.GetAttribute("data-slug")!, li => li.Text());
        missing.Keys.ShouldBe([c.Slug, f.Slug], ignoreOrder: true);
        missing[c.Slug].ShouldContain("999");
        missing[c.Slug].ShouldContain("valeur 2016, hors période");
        missing[f.Slug].ShouldContain("aucune valeur publiée");
        page.QuerySelector("#f-annee option[selected]")!.GetAttribute("value").ShouldBe("2023");
        page.QuerySelector("#f-fenetre option[selected]")!.GetAttribute("value").ShouldBe("5");

        var api = await ApiAsync($"/api/v1/comparisons/{code}?group=list&members={string.Join(',', new[] { a, b, c, d, e, f }.Select(t => t.Slug))}");
        api.GetProperty("window").GetProperty("firstYear").GetInt32().ShouldBe(2019);
        api.GetProperty("window").GetProperty("endYear").GetInt32().ShouldBe(2023);
        api.GetProperty("yearsShown").GetProperty("from").GetInt32().ShouldBe(2021);
        api.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("tenant").GetProperty("slug").GetString(), i.GetProperty("year").GetInt32()))
            .ShouldBe([(a.Slug, 2023), (b.Slug, 2021), (e.Slug, 2022), (d.Slug, 2023)]);
        var distribution = api.GetProperty("distribution");
        (distribution.GetProperty("q1").GetDouble(), distribution.GetProperty("median").GetDouble(), distribution.GetProperty("q3").GetDouble())
            .ShouldBe((17.5, 25, 32.5));
        api.GetProperty("missingCount").GetInt32().ShouldBe(2);
        api.GetProperty("group").GetProperty("group").GetString().ShouldBe("list");
    }

    [Fact]
    public async Task ThisYearOnly_RanksOnlyThatYearsValues_AndTheOthersAreMissingWithTheirYear()
    {
        var code = await NewIndicatorAsync();
        var a = await MemberAsync("ca", "84", 150_000);
        var b = await MemberAsync("ca", "84", 150_000);
        await ValueAsync(a, code, 2023, 40);
        await ValueAsync(b, code, 2021, 30);
        await RefreshAsync();

        var (_, page) = await Html.GetAsync(fixture.Factory.CreateClient(),
            $"/comparaisons?indicateur={code}&fin=2023&fenetre=1&groupe=liste&membre={a.Slug}&membre={b.Slug}");
        var api = await ApiAsync($"/api/v1/comparisons/{code}?fin=2023&fenetre=1&group=list&members={a.Slug},{b.Slug}");

        page.QuerySelectorAll("table.comparison-table tbody tr").Select(r => r.GetAttribute("data-slug")).ShouldBe([a.Slug]);
        page.QuerySelector("#comparison-summary")!.Text().ShouldContain("1 membre a une valeur en 2023.");
        page.QuerySelector($".missing-members li[data-slug='{b.Slug}']")!.Text().ShouldContain("valeur 2021, hors période");
        api.GetProperty("window").GetProperty("years").GetInt32().ShouldBe(1);
        api.GetProperty("items").GetArrayLength().ShouldBe(1);
        api.GetProperty("missing")[0].GetProperty("nearestYear").GetInt32().ShouldBe(2021);
    }

    [Fact]
    public async Task YearWithoutValues_TheNearestYearIsCompared_AndThePageSaysSo()
    {
        var code = await NewIndicatorAsync();
        var a = await MemberAsync("ca", "84", 150_000);
        await ValueAsync(a, code, 2020, 5);
        await ValueAsync(a, code, 2024, 7);
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons?indicateur={code}&fin=2021&fenetre=1");
        var api = await ApiAsync($"/api/v1/comparisons/{code}?fin=2021&fenetre=1");

        status.ShouldBe(200);
        page.QuerySelector(".comparison-notices")!.Text().ShouldContain("aucune valeur en 2021 : la comparaison s’arrête à l’année la plus proche qui en a, 2020.");
        page.QuerySelectorAll("#f-annee option").Select(o => o.GetAttribute("value")).ShouldBe(["2024", "2020"]);
        page.QuerySelector("#f-annee option[selected]")!.GetAttribute("value").ShouldBe("2020");
        api.GetProperty("window").GetProperty("endYear").GetInt32().ShouldBe(2020);
        api.GetProperty("window").GetProperty("askedEndYear").GetInt32().ShouldBe(2021);
    }

    [Fact]
    public async Task SimilarGroup_WidensStepByStep_UntilFiveMembersHaveAValue_AndSaysWhich()
    {
        var focus = await MemberAsync("ca", "84", 150_000);
        var sameRegion = new[] { await MemberAsync("ca", "84", 150_000), await MemberAsync("ca", "84", 200_000), await MemberAsync("ca", "84", 120_000), await MemberAsync("ca", "84", 110_000) };
        var elsewhere = new[] { await MemberAsync("ca", "11", 150_000), await MemberAsync("ca", "11", 160_000), await MemberAsync("ca", "11", 170_000) };
        var smallerCa = await MemberAsync("ca", "11", 60_000);
        var communes = new[] { await MemberAsync("commune", "84", 5_000), await MemberAsync("commune", "84", 6_000) };
        var stays = await IndicatorWithValuesAsync([focus, .. sameRegion]);                                   // 5 in its région and band
        var toBand = await IndicatorWithValuesAsync([focus, sameRegion[0], .. elsewhere]);                  // 2, then 5 nationally
        var toKind = await IndicatorWithValuesAsync([focus, sameRegion[0], elsewhere[0], elsewhere[1], smallerCa]); // 2, 4, then 5 CA
        var toAll = await IndicatorWithValuesAsync([focus, .. communes]);                                     // 1, 1, 1, then 3
        await RefreshAsync();

        async Task<(string Group, int[] Steps, int Ranked, string Sentence)> CompareAsync(string code)
        {
            var api = await ApiAsync($"/api/v1/comparisons/{code}?focus={focus.Slug}");
            var (_, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons?indicateur={code}&membre={focus.Slug}");
            page.QuerySelectorAll("table.comparison-table tbody tr").Length.ShouldBe(api.GetProperty("totalItems").GetInt32());
            api.GetProperty("focus").GetProperty("tenant").GetProperty("slug").GetString().ShouldBe(focus.Slug);
            return (
                api.GetProperty("group").GetProperty("group").GetString()!,
                [.. api.GetProperty("group").GetProperty("widening").EnumerateArray().Select(s => s.GetProperty("membersWithValue").GetInt32())],
                api.GetProperty("totalItems").GetInt32(),
                page.QuerySelector("#comparison-group")!.Text());
        }

        var notWidened = await CompareAsync(stays);
        notWidened.Group.ShouldBe("kind-band-region");
        notWidened.Steps.ShouldBe([5]);
        notWidened.Sentence.ShouldContain("communautés d’agglomération de 100 000 à 250 000 habitants de la région");
        notWidened.Sentence.ShouldNotContain("élargi");

        var band = await CompareAsync(toBand);
        (band.Group, band.Ranked).ShouldBe(("kind-band", 5));
        band.Steps.ShouldBe([2, 5]);
        band.Sentence.ShouldContain("Groupe comparé : communautés d’agglomération de 100 000 à 250 000 habitants, tout le réseau (5 membres avec une valeur).");
        band.Sentence.ShouldContain("élargi pas à pas, faute d’au moins 5 membres avec une valeur");
        band.Sentence.ShouldContain(": 2 membres avec une valeur)");

        var kind = await CompareAsync(toKind);
        (kind.Group, kind.Ranked).ShouldBe(("kind", 5));
        kind.Steps.ShouldBe([2, 4, 5]);

        var all = await CompareAsync(toAll);
        (all.Group, all.Ranked).ShouldBe(("all", 3));
        all.Steps.ShouldBe([1, 1, 1, 3]);
        all.Sentence.ShouldContain("Groupe comparé : tout le réseau (3 membres avec une valeur).");

        // A group picked by hand is compared as asked, never widened.
        var asked = await ApiAsync($"/api/v1/comparisons/{toAll}?focus={focus.Slug}&group=kind");
        (asked.GetProperty("group").GetProperty("group").GetString(), asked.GetProperty("totalItems").GetInt32()).ShouldBe(("kind", 1));
    }

    private async Task<string> IndicatorWithValuesAsync(IEnumerable<Tenant> members)
    {
        var code = await NewIndicatorAsync();
        var value = 10;
        foreach (var member in members)
        {
            await ValueAsync(member, code, 2022, value++);
        }

        return code;
    }

    private async Task<JsonElement> ApiAsync(string url)
    {
        using var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>A member of the kind, région and population given (the reference record's own are overwritten).</summary>
    private async Task<Tenant> MemberAsync(string kind, string region, int population)
    {
        var tenant = await Database.CreateTenantAsync(TestSirens.Next());
        await Database.ExecuteAsAdminAsync(
            "UPDATE tenants SET kind = @kind, region_code = @region, region_name = @name, population = @population, population_vintage = 2026 WHERE id = @id",
            ("kind", kind), ("region", region), ("name", region == "84" ? "Auvergne-Rhône-Alpes" : "Île-de-France"),
            ("population", population), ("id", tenant.Id));
        return tenant;
    }

    private async Task<string> NewIndicatorAsync()
    {
        var code = "test_" + Guid.NewGuid().ToString("N")[..10];
        await Database.ExecuteAsAdminAsync(
            """
            INSERT INTO indicators (code, label_fr, label_en, unit, definition, category, per_capita_base, default_visibility, derived_from, sort_order, updated_at)
            VALUES (@code, 'Indicateur de test', 'Test', 'Count', 'Test', 'autre', 1, 'public', 'figure', 999, now())
            """,
            ("code", code));
        return code;
    }

    private Task ValueAsync(Tenant tenant, string code, int year, decimal value) =>
        Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = code, Year = year, Value = value, Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual, SourceTitle = "Test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    private async Task RefreshAsync() =>
        await fixture.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
}
