using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>
/// The network dashboard (/comparaisons/tableau) over members of a région of their own: each
/// cell shows the year of the member's latest value the viewer may see, links to that member's
/// comparison, and the counts per indicator cover the default window; kind and région filter,
/// pages and bad parameters never fail.
/// </summary>
public sealed class ComparisonDashboardTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private readonly MatrixAccounts _accounts = new(fixture);
    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task Matrix_ShowsTheLatestYearPerMemberAndIndicator_AndCountsOverTheWindow_ByAudience()
    {
        var region = RegionCode();
        var code = await NewIndicatorAsync();
        var a = await MemberAsync("ca", region, "Alpha");
        var b = await MemberAsync("ca", region, "Bravo");
        var c = await MemberAsync("commune", region, "Charlie");
        var old = await MemberAsync("ca", region, "Delta");
        await ValueAsync(a, code, 2019, 1, ValueVisibility.Public);
        await ValueAsync(a, code, 2023, 2, ValueVisibility.Public);
        await ValueAsync(b, code, 2021, 3, ValueVisibility.Public);
        await ValueAsync(b, code, 2024, 4, ValueVisibility.Network);   // the public sees 2021, the network 2024
        await ValueAsync(c, code, 2022, 5, ValueVisibility.Private);   // nobody outside c sees it
        await ValueAsync(old, code, 2015, 6, ValueVisibility.Public);  // shown as its year, not counted in 2020–2024
        await RefreshAsync();

        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/tableau?region={region}");

        status.ShouldBe(200);
        var rows = page.QuerySelectorAll(".coverage-matrix tbody tr").ToList();
        rows.Select(r => r.GetAttribute("data-slug")).ShouldBe([a.Slug, b.Slug, c.Slug, old.Slug]);
        var years = rows.Select(r => r.QuerySelector($"td[data-indicator='{code}']")!.GetAttribute("data-year")).ToList();
        years.ShouldBe(["2023", "2021", null, "2015"]);
        rows[0].QuerySelector($"td[data-indicator='{code}'] a")!.GetAttribute("href")
            .ShouldBe($"/comparaisons?indicateur={code}&membre={a.Slug}");
        rows[2].QuerySelector($"td[data-indicator='{code}']")!.Text().ShouldContain("aucune valeur");
        page.QuerySelector("#tableau-resume")!.Text().ShouldBe("4 collectivités.");
        // Public values: latest end year 2023 (b's 2024 is the network's); 2019–2023 holds a and b.
        var count = page.QuerySelector($".coverage-counts tr[data-indicator='{code}']")!;
        count.GetAttribute("data-members").ShouldBe("2");
        count.Text().ShouldContain("2 membres de 2019 à 2023");

        using var network = await _accounts.SignedInMemberAsync(a, TenantRole.Editor);
        var (_, seen) = await network.GetAsync($"/comparaisons/tableau?region={region}");
        seen.QuerySelector($"tr[data-slug='{b.Slug}'] td[data-indicator='{code}']")!.GetAttribute("data-year").ShouldBe("2024");
        seen.QuerySelector($"tr[data-slug='{b.Slug}'] td[data-indicator='{code}']")!.Text().ShouldContain("(réseau)");
        seen.QuerySelector($"tr[data-slug='{c.Slug}'] td[data-indicator='{code}']")!.GetAttribute("data-year").ShouldBeNull();
        seen.QuerySelector($".coverage-counts tr[data-indicator='{code}']")!.Text().ShouldContain("2 membres de 2020 à 2024");

        var (_, kind) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/tableau?region={region}&type=commune");
        kind.QuerySelectorAll(".coverage-matrix tbody tr").Select(r => r.GetAttribute("data-slug")).ShouldBe([c.Slug]);
        kind.QuerySelector($".coverage-counts tr[data-indicator='{code}']")!.GetAttribute("data-members").ShouldBe("0");
    }

    [Theory]
    [InlineData("?type=inconnu", "Le type de collectivité demandé n’est pas reconnu")]
    [InlineData("?region=XX9", "La région demandée ne compte aucun membre")]
    [InlineData("?p=-3", "Le numéro de page n’est pas valide")]
    [InlineData("?p=99999", "n’existe pas : la dernière page est affichée")]
    [InlineData("?p=%EF%BF%BD", "Le numéro de page n’est pas valide")]
    public async Task BadParameters_GiveTheWholeNetworkWithAMessage_NeverAnError(string query, string message)
    {
        await MemberAsync("ca", RegionCode(), "Echo");

        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), "/comparaisons/tableau" + query);

        status.ShouldBe(200);
        page.QuerySelectorAll(".notice").Select(n => n.Text()).ShouldContain(n => n.Contains(message));
        page.QuerySelectorAll(".coverage-matrix tbody tr").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Pages_SplitTheFilterBy25_AndLinkEachOther()
    {
        var region = RegionCode();
        for (var i = 0; i < 27; i++)
        {
            await MemberAsync("cc", region, $"Membre {i:D2}");
        }

        var (_, first) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/tableau?region={region}");
        var (_, second) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/tableau?region={region}&p=2");

        first.QuerySelectorAll(".coverage-matrix tbody tr").Length.ShouldBe(25);
        second.QuerySelectorAll(".coverage-matrix tbody tr").Length.ShouldBe(2);
        first.QuerySelector(".pagination a[rel='next']")!.GetAttribute("href").ShouldBe($"/comparaisons/tableau?region={region}&p=2");
        second.QuerySelector("#tableau-resume")!.Text().ShouldBe("27 collectivités, page 2 sur 2.");
    }

    [Fact]
    public async Task ComparisonPage_LinksTheNetworkQuestions()
    {
        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), "/comparaisons");

        status.ShouldBe(200);
        var links = page.QuerySelectorAll(".network-questions a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/comparaisons?indicateur=budget_total&par-habitant=1&groupe=tout");
        links.ShouldContain("/actions?theme=commande-publique");
        page.QuerySelector(".network-questions form[action='/comparaisons'] input[name='membre']").ShouldNotBeNull();
        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain("/comparaisons/tableau");
    }

    private static int _regions;

    /// <summary>A région of the test's own (codes are three characters), so that no other test's members are listed.</summary>
    private static string RegionCode() => "Z" + (Interlocked.Increment(ref _regions) % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Tenant> MemberAsync(string kind, string region, string name)
    {
        var tenant = await Database.CreateTenantAsync(TestSirens.Next());
        await Database.ExecuteAsAdminAsync(
            "UPDATE tenants SET kind = @kind, region_code = @region, region_name = @region_name, name = @name, population = 100000, population_vintage = 2026 WHERE id = @id",
            ("kind", kind), ("region", region), ("region_name", "Région de test " + region), ("name", name + " " + tenant.Slug), ("id", tenant.Id));
        return tenant;
    }

    private async Task<string> NewIndicatorAsync()
    {
        var code = "test_" + Guid.NewGuid().ToString("N")[..10];
        await Database.ExecuteAsAdminAsync(
            """
            INSERT INTO indicators (code, label_fr, label_en, unit, definition, category, per_capita_base, default_visibility, derived_from, sort_order, updated_at)
            VALUES (@code, 'Indicateur du tableau', 'Test', 'Count', 'Test', 'autre', 1, 'public', 'figure', 999, now())
            """,
            ("code", code));
        return code;
    }

    private Task ValueAsync(Tenant tenant, string code, int year, decimal value, ValueVisibility visibility) =>
        Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = code, Year = year, Value = value, Visibility = visibility,
                Origin = ValueOrigin.Manual, SourceTitle = "Test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    private async Task RefreshAsync() =>
        await fixture.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
}
