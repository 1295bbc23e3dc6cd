using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;

namespace RtesPlatform.BrowserTests;

/// <summary>In Chromium, the comparison charts show the numbers of their tables; screenshots for a person to look at.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ComparisonChartTests(DemoSiteFixture site, ChromiumFixture chromium)
{
    [Fact]
    public async Task RankChart_BarsAndTable_ShowTheSameNumbers()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/comparaisons?indicateur=ess_establishments&annee=2018&membre=region-grand-est"))!.Status.ShouldBe(200);

        var bars = await page.Locator("svg[data-chart='rank'] .chart-bar").EvaluateAllAsync<string[]>(
            "bars => bars.map(b => b.dataset.slug + '=' + b.dataset.metric + '=' + b.querySelector('.chart-value').textContent.replace(/\\s/g, ' '))");
        var rows = await page.Locator("table.comparison-table tbody tr").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => r.dataset.slug + '=' + r.dataset.metric + '=' + r.querySelectorAll('td')[4].textContent.replace(/\\s/g, ' '))");

        bars.Length.ShouldBe(2);
        bars.ShouldBe(rows);
        bars[0].ShouldBe("region-grand-est=15000=15 000");
        // The bars are drawn: the first (larger) bar is wider than the second.
        var widths = await page.Locator("svg[data-chart='rank'] .chart-bar rect").EvaluateAllAsync<double[]>("rects => rects.map(r => r.getBBox().width)");
        widths[0].ShouldBeGreaterThan(widths[1]);
        await ScreenshotAsync(page, "comparaisons");
    }

    [Fact]
    public async Task SeriesChart_PointsAndTable_ShowTheSameNumbers()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/comparaisons/evolution?indicateur=social_clause_fte&membre=ca-la-rochelle"))!.Status.ShouldBe(200);

        var points = await page.Locator("svg[data-chart='series'] .series-point").EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.year + '=' + p.dataset.metric)");
        var rows = await page.Locator("table.series-table tbody tr[data-metric]:not([data-metric=''])").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.year + '=' + r.dataset.metric)");

        points.ShouldBe(["2021=115", "2022=140", "2023=138"]);
        rows.ShouldBe(points);
        await ScreenshotAsync(page, "comparaisons-evolution");
    }

    [Fact]
    public async Task GroupsChart_BoxesAndTable_ShowTheSameMedians()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/comparaisons/groupes?indicateur=ess_establishments&annee=2018&regroupement=type"))!.Status.ShouldBe(200);

        var boxes = await page.Locator("svg[data-chart='groups'] .chart-box").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.group + '=' + b.dataset.median)");
        var rows = await page.Locator("table.groups-table tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.group + '=' + r.dataset.median)");

        boxes.Length.ShouldBe(2);
        rows.ShouldBe(boxes);
        await ScreenshotAsync(page, "comparaisons-groupes");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var file = Path.Combine(RepositoryRoot.ScreenshotsFolder(), name + ".png");
        File.Delete(file);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });
        new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
    }
}
