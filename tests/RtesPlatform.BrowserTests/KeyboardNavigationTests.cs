using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;

namespace RtesPlatform.BrowserTests;

/// <summary>The directory used with the keyboard alone, as a screen-reader or keyboard user would.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class KeyboardNavigationTests(DemoSiteFixture site, ChromiumFixture chromium)
{
    // What has the focus, as a user would name it: its role and its text (or id for a select).
    private const string DescribeFocus = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return 'body';
            const tag = e.tagName.toLowerCase();
            if (tag === 'select' || tag === 'input') return tag + ' #' + e.id;
            const kind = tag === 'a' ? 'link' : tag;
            return kind + ' ' + (e.innerText || e.textContent || '').replace(/\s+/g, ' ').trim();
        }
        """;

    private static readonly string[] _directoryTabOrder =
    [
        "link Aller au contenu",
        "link RTES Réseau des collectivités Territoriales pour une Économie Solidaire",
        "link Accueil",
        "link Collectivités membres",
        "link Qui fait quoi",
        "link Comparaisons",
        "link Accessibilité",
        "link Se connecter",
        "input #recherche-site",
        "button Rechercher",
        "select #f-type",
        "select #f-region",
        "select #f-adhesion",
        "select #f-theme",
        "select #f-tri",
        "button Filtrer",
    ];

    [Fact]
    public async Task Tab_FromTopOfDirectory_ReachesSkipLinkNavigationFiltersThenFilterButton()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/collectivites");

        var reached = new List<string>();
        foreach (var _ in _directoryTabOrder)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>(DescribeFocus));
        }

        reached.ShouldBe(_directoryTabOrder);
    }

    [Fact]
    public async Task FilterByType_RegionChosenWithKeyboardAndSubmittedWithEnter_ListsOnlyRegionGrandEst()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/collectivites");
        var cards = page.Locator(".directory .card-title");
        (await cards.CountAsync()).ShouldBeGreaterThan(1, "the unfiltered directory should list the whole demo network");

        await TabUntilFocusedAsync(page, "select #f-type");
        var type = page.Locator("#f-type");
        var optionCount = await type.Locator("option").CountAsync();
        for (var i = 0; i < optionCount && await SelectedLabelAsync(type) != "Région"; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        (await SelectedLabelAsync(type)).ShouldBe("Région");
        await TabUntilFocusedAsync(page, "button Filtrer");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(TypeIsRegion(), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });

        (await cards.AllInnerTextsAsync()).ShouldBe(["Région Grand Est"]);
        (await page.Locator(".result-count").InnerTextAsync()).Trim().ShouldBe("1 collectivité");
        (await SelectedLabelAsync(type)).ShouldBe("Région", "the form should show the filter that is applied");
    }

    [Fact]
    public async Task SkipLink_FollowedWithEnter_ShowsItselfThenMovesFocusToMainContent()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/collectivites");
        var skipLink = page.Locator(".skip-link");
        (await skipLink.BoundingBoxAsync())!.Y.ShouldBeLessThan(0, "the skip link should be off-screen until focused");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>(DescribeFocus)).ShouldBe("link Aller au contenu");
        (await skipLink.BoundingBoxAsync())!.Y.ShouldBeGreaterThanOrEqualTo(0, "a focused skip link should be visible");
        await page.Keyboard.PressAsync("Enter");

        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("contenu");
        // The next Tab starts from the main content: the header links are skipped.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>(DescribeFocus)).ShouldBe("select #f-type");
    }

    private static Task<string> SelectedLabelAsync(ILocator select) =>
        select.EvaluateAsync<string>("s => s.options[s.selectedIndex].text");

    private static async Task TabUntilFocusedAsync(IPage page, string target)
    {
        var reached = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(DescribeFocus);
            if (focused == target)
            {
                return;
            }

            reached.Add(focused);
        }

        throw new ShouldAssertException($"Tab never reached {target}; it went through: {string.Join(" → ", reached)}");
    }

    [GeneratedRegex(@"[?&]type=region(&|$)")]
    private static partial Regex TypeIsRegion();
}
