using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// The comparison pages on a phone (390 × 844) and on a desktop, in Chromium: the result starts in
/// the first screen (the form folds behind « Modifier la comparaison »), chart labels are at least
/// 12 px, the dashboard's wide table scrolls in a captioned region; axe-core finds nothing at either
/// width; screenshots for a person to look at.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ComparisonPhoneTests(DemoSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string PerInhabitant = "/comparaisons?indicateur=budget_total&par-habitant=1&groupe=tout";

    [Theory]
    [InlineData(PerInhabitant, "comparaisons-par-habitant")]
    [InlineData("/comparaisons?membre=ca-la-rochelle", "comparaisons-la-rochelle")]
    [InlineData("/comparaisons?membre=fictive-agglo-de-l-estuaire", "comparaisons-semblables")]
    public async Task Phone_FirstRankedRow_IsInTheFirstScreen_AndChartLabelsAreReadable(string path, string name)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        (await page.GotoAsync(path))!.Status.ShouldBe(200);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot.ScreenshotsFolder(), name + "-390-premier-ecran.png"), Type = ScreenshotType.Png });
        var firstRow = page.Locator("table.comparison-table tbody tr").First;
        var box = await firstRow.BoundingBoxAsync();
        box.ShouldNotBeNull();
        output.WriteLine($"{path}: first ranked row at {box.Y:0} px");
        var heading = await firstRow.Locator("th a").First.BoundingBoxAsync();
        // At least the first line of the first member's name (and its rank) within the first screen.
        (heading!.Y + 30).ShouldBeLessThanOrEqualTo(844, "the first member's name is not in the first screen");
        (await page.Locator("details.comparison-disclosure").GetAttributeAsync("open")).ShouldBeNull();
        (await page.Locator("#f-indicateur").IsVisibleAsync()).ShouldBeFalse();
        // The value stays visible on the card.
        (await firstRow.Locator("td.comparison-value").First.IsVisibleAsync()).ShouldBeTrue();

        var labelPixels = await page.EvaluateAsync<double>(
            "() => { const svg = document.querySelector('svg.rank-chart'); const label = svg.querySelector('.chart-label');"
            + " return parseFloat(getComputedStyle(label).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width; }");
        output.WriteLine($"chart labels: {labelPixels:0.0} px");
        labelPixels.ShouldBeGreaterThanOrEqualTo(12);

        await page.GetByText("Modifier la comparaison").ClickAsync();
        (await page.Locator("#f-indicateur").IsVisibleAsync()).ShouldBeTrue();
        await ScreenshotAsync(page, name + "-390");
    }

    [Fact]
    public async Task Desktop_TheFormIsUnfolded_AndSimilarMembersAreCompared()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        (await page.GotoAsync("/comparaisons?membre=fictive-agglo-de-l-estuaire"))!.Status.ShouldBe(200);

        (await page.Locator("#f-indicateur").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("table.comparison-table tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        (await page.Locator("#comparison-group").TextContentAsync())!.ShouldContain("qui lui ressemblent");
        await ScreenshotAsync(page, "comparaisons-semblables-bureau");
    }

    [Theory]
    [InlineData("/comparaisons")]
    [InlineData(PerInhabitant)]
    [InlineData("/comparaisons/tableau")]
    [InlineData("/comparaisons/tableau?type=ca")]
    public async Task Axe_BothWidths_NoViolation(string path)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        foreach (var (width, height, name) in new[] { (1280, 900, "bureau"), (390, 844, "390 px") })
        {
            await page.SetViewportSizeAsync(width, height);
            (await page.GotoAsync(path))!.Status.ShouldBe(200);
            var result = await AxeScan.RunWcag21AAAsync(page);
            result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
            if (AxeScan.Describe(result.Violations) is { Length: > 0 } report)
            {
                violations.Add($"{path} ({name}):{Environment.NewLine}{report}");
            }

            if (path.StartsWith("/comparaisons/tableau", StringComparison.Ordinal))
            {
                await ScreenshotAsync(page, "tableau" + (path.Contains('?', StringComparison.Ordinal) ? "-ca" : "") + (width == 390 ? "-390" : "-bureau"));
            }
        }

        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Dashboard_Phone_TheMatrixScrollsInACaptionedRegion_AndEachYearLinksToAComparison()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        (await page.GotoAsync("/comparaisons/tableau"))!.Status.ShouldBe(200);

        var region = page.Locator(".coverage-scroll");
        (await region.GetAttributeAsync("role")).ShouldBe("region");
        (await page.Locator("#matrice-caption").IsVisibleAsync()).ShouldBeTrue();
        var scrolls = await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth");
        scrolls.ShouldBeTrue();
        // The region scrolls, not the page.
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.checkVisibility() && e.getBoundingClientRect().right > 391 && !e.closest('.table-scroll, .chart-scroll'))"
            + ".slice(0, 8).map(e => e.tagName + '.' + e.className + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className + ' ' + Math.round(e.getBoundingClientRect().right) + ' ' + (e.textContent || '').trim().slice(0, 30))");
        wide.ShouldBeEmpty();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        var link = page.Locator(".coverage-matrix tbody td[data-year] a").First;
        var href = await link.GetAttributeAsync("href");
        href.ShouldStartWith("/comparaisons?indicateur=");
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("membre=", StringComparison.Ordinal));
        (await page.Locator("table.comparison-table tbody tr").CountAsync()).ShouldBeGreaterThan(1);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(RepositoryRoot.ScreenshotsFolder(), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
    }
}
