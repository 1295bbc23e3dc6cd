using RtesPlatform.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>axe-core finds nothing to fix, for WCAG 2.1 A and AA, on the public pages of the demo network.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(DemoSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/collectivites")]
    [InlineData("/actions")]
    [InlineData("/donnees-ouvertes")]
    [InlineData("/recherche?q=clauses+sociales")]
    [InlineData("/collectivites/ca-la-rochelle")]
    [InlineData("/collectivites/region-grand-est")]
    [InlineData("/comparaisons?indicateur=ess_establishments&annee=2018&membre=region-grand-est")]
    [InlineData("/comparaisons?indicateur=budget_total&annee=2012&par-habitant=1&membre=eurometropole-de-strasbourg")]
    [InlineData("/comparaisons/groupes?indicateur=ess_establishments&annee=2018&regroupement=type")]
    [InlineData("/comparaisons/evolution?indicateur=social_clause_fte&membre=ca-la-rochelle")]
    [InlineData("/comparaisons/carte")]
    [InlineData("/comparaisons/carte?indicateur=budget_total&par-habitant=1")]
    public async Task Scan_PublicPage_HasNoWcag21AAViolation(string path)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200);

        var result = await AxeScan.RunWcag21AAAsync(page);

        var report = AxeScan.Describe(result.Violations);
        if (report.Length > 0)
        {
            output.WriteLine($"axe-core violations on {path}:");
            output.WriteLine(report);
        }

        result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
        result.Violations.ShouldBeEmpty($"axe-core violations on {path}:{Environment.NewLine}{report}");
    }

    // Guards the scan itself: a page made worse on purpose must fail it, or the tests above prove nothing.
    [Fact]
    public async Task Scan_PageWithLowContrastTextAdded_ReportsColorContrast()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("""
            () => {
                const p = document.createElement('p');
                p.id = 'faible-contraste';
                p.textContent = 'Texte gris clair sur fond blanc';
                p.style.color = '#bbbbbb';
                document.querySelector('main').append(p);
            }
            """);

        var result = await AxeScan.RunWcag21AAAsync(page);

        var contrast = result.Violations.ShouldHaveSingleItem(AxeScan.Describe(result.Violations));
        contrast.Id.ShouldBe("color-contrast");
        contrast.Nodes.ShouldHaveSingleItem().Target.ToString().ShouldContain("#faible-contraste");
    }
}
