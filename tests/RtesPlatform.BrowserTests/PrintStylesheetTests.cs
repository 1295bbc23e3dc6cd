using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;

namespace RtesPlatform.BrowserTests;

/// <summary>A printed fiche is the fiche alone: no site navigation around it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PrintStylesheetTests(DemoSiteFixture site, ChromiumFixture chromium)
{
    [Fact]
    public async Task PrintFiche_PrintMediaEmulated_HidesNavigationAndKeepsFiche()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/collectivites/ca-la-rochelle");
        var mainNavigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        var breadcrumb = page.GetByRole(AriaRole.Navigation, new() { Name = "Fil d’Ariane" });
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        (await mainNavigation.IsVisibleAsync()).ShouldBeTrue("on screen the navigation is shown");
        (await breadcrumb.IsVisibleAsync()).ShouldBeTrue("on screen the breadcrumb is shown");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        (await mainNavigation.IsVisibleAsync()).ShouldBeFalse("the main navigation should not be printed");
        (await breadcrumb.IsVisibleAsync()).ShouldBeFalse("the breadcrumb should not be printed");
        (await page.Locator(".site-footer").IsVisibleAsync()).ShouldBeFalse("the footer should not be printed");
        (await title.IsVisibleAsync()).ShouldBeTrue("the fiche itself is printed");
        (await page.Locator("#panorama").IsVisibleAsync()).ShouldBeTrue("the fiche's sections are printed");
    }
}
