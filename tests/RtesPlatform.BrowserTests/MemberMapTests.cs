using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// The map of members in Chromium, on a desktop and at 390 px: axe-core finds nothing, the map
/// scales to the width without widening the page, its départements are not focusable (the map is
/// reached as a whole, its table carries the detail), the table scrolls in its own labelled region
/// with a visible caption; screenshots for a person to look at.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MemberMapTests(DemoSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
{
    private const string WithIndicator = "/comparaisons/carte?indicateur=budget_total&par-habitant=1";

    [Theory]
    [InlineData("/comparaisons/carte", "carte-membres")]
    [InlineData(WithIndicator, "carte-budget-par-habitant")]
    public async Task Map_DesktopAndPhone_NoAxeViolation_ScalesToTheWidth_ReachedAsAWhole(string path, string name)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        foreach (var (width, height, label) in new[] { (1280, 800, "bureau"), (390, 844, "390px") })
        {
            await page.SetViewportSizeAsync(width, height);
            (await page.GotoAsync(path))!.Status.ShouldBe(200);

            var result = await AxeScan.RunWcag21AAAsync(page);
            var report = AxeScan.Describe(result.Violations);
            output.WriteLine($"{path} ({label}): {result.Violations.Length} violations, {result.Passes.Length} rules passed");
            result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
            result.Violations.ShouldBeEmpty($"axe-core violations on {path} ({label}):{Environment.NewLine}{report}");

            var map = page.Locator("svg[data-chart='map']");
            var box = (await map.BoundingBoxAsync()).ShouldNotBeNull();
            box.Width.ShouldBeLessThanOrEqualTo(width);
            box.Height.ShouldBeGreaterThan(box.Width * 0.8f, "the map keeps its proportions");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, "the page does not scroll sideways");
            (await page.EvaluateAsync<bool>("() => [...document.querySelectorAll(\"svg[data-chart='map'] .map-area\")].every(a => a.tabIndex < 0)"))
                .ShouldBeTrue("no département is focusable on its own");
            (await map.GetAttributeAsync("tabindex")).ShouldBe("0");
            (await page.Locator("#tableau-carte-titre").IsVisibleAsync()).ShouldBeTrue();
            (await page.Locator("div.table-scroll[role='region']").GetAttributeAsync("aria-labelledby")).ShouldBe("tableau-carte-titre");

            // The départements with members are painted with a pattern, the others in the neutral grey.
            var fills = await page.Locator("svg[data-chart='map'] path.map-area").EvaluateAllAsync<string[]>("ps => ps.map(p => p.getAttribute('fill'))");
            fills.Length.ShouldBe(96);
            fills.ShouldContain(f => f.StartsWith("url(#carte-", StringComparison.Ordinal));
            fills.ShouldContain("#eceef0");

            var file = Path.Combine(RepositoryRoot.ScreenshotsFolder(), $"{name}-{label}.png");
            File.Delete(file);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
            new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
        }
    }

    [Fact]
    public async Task Keyboard_TabReachesTheMapOnce_ThenTheTableLink()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync(WithIndicator))!.Status.ShouldBe(200);
        await page.Locator("a[href='#tableau-carte']").FocusAsync();

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-chart')")).ShouldBe("map");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string?>("() => document.activeElement.closest(\"svg[data-chart='map']\") ? 'map' : null")).ShouldBeNull();
    }
}
