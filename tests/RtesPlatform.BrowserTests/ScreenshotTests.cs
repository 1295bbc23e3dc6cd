using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// Full-page screenshots of the main public pages, written to artifacts/screenshots for a person
/// to look at (layout, fonts, colours): a test artifact, not a visual comparison.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScreenshotTests(DemoSiteFixture site, ChromiumFixture chromium)
{
    private static readonly byte[] _pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("/", "accueil")]
    [InlineData("/collectivites", "collectivites")]
    [InlineData("/collectivites/ca-la-rochelle", "fiche-ca-la-rochelle")]
    public async Task Screenshot_PublicPage_WritesFullPagePng(string path, string name)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync(path))!.Status.ShouldBe(200);
        // The stylesheet is applied: without it the header would not be the primary colour.
        (await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"))
            .ShouldBe("rgb(11, 94, 85)");
        var file = Path.Combine(RepositoryRoot.ScreenshotsFolder(), name + ".png");
        File.Delete(file);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Type = ScreenshotType.Png });

        var bytes = await File.ReadAllBytesAsync(file);
        bytes.Take(_pngSignature.Length).ShouldBe(_pngSignature);
        bytes.Length.ShouldBeGreaterThan(10_000);
    }
}
