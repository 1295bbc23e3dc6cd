using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using RtesPlatform.Core.Features.Accounts;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// Issue 15 in Chromium: each role lands where it works, the header's doors, the phone header
/// (at most 120 px at 390 px, a menu that opens without script), and axe-core on every page this
/// issue changed, on a desktop and at 390 px wide.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EverydayWorkTests(BackOfficeSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<BackOfficeSiteFixture>
{
    private const string Slug = "ca-la-rochelle";
    private const string Password = "Quotidien-RTES-2026!";
    private static readonly ViewportSize _phone = new() { Width = 390, Height = 844 };

    private readonly List<string> _violations = [];

    [Fact]
    public async Task Officer_LandsOnTheirSpace_SeesTheDoors_AndThePagesOfThisIssuePassAxe()
    {
        var email = $"quotidien-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await site.CreateMemberAsync(Slug, email, Password, TenantRole.Admin);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{Slug}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        (await page.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Mon espace" }).GetAttributeAsync("href")).ShouldBe($"/espace/{Slug}");

        await page.GotoAsync($"/collectivites/{Slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier cette fiche" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{Slug}$"));

        foreach (var path in new[] { $"/espace/{Slug}", $"/espace/{Slug}/apercu", $"/espace/{Slug}/publier", $"/espace/{Slug}/journal", $"/collectivites/{Slug}", "/compte/espaces" })
        {
            await ScanBothAsync(page, path);
        }

        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    [Fact]
    public async Task NetworkAdmin_LandsOnTheConsole_AndTheOnboardingAndCampaignPagesPassAxe()
    {
        var email = $"console-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        var key = await site.CreateNetworkAdminAsync(email, Password);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/compte/deux-facteurs/verification"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await page.Locator("input[name=Code]").FillAsync(BackOfficeSiteFixture.TotpCode(key));
        await page.Locator("form:has(input[name=Code]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/reseau$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        (await page.Locator(".nav-wide").GetByRole(AriaRole.Link, new() { Name = "Console réseau" }).CountAsync()).ShouldBe(1);

        // Onboarding by name: the results list, then the official record to confirm.
        await page.GotoAsync("/reseau/collectivites/nouvelle");
        await page.GetByLabel("Nom, numéro SIREN ou code INSEE").FillAsync("rennes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await page.Locator(".reference-results").WaitForAsync();
        await ScanBothAsync(page, page.Url);
        await page.GotoAsync("/reseau/collectivites/nouvelle?q=243%20500%20139");
        (await page.Locator("#fiche-officielle").TextContentAsync()).ShouldBe("Fiche officielle : Rennes Métropole");

        foreach (var path in new[] { "/reseau/collectivites/nouvelle?q=243%20500%20139", "/reseau/collectivites/nouvelle?q=000000000", "/reseau/campagnes", "/reseau" })
        {
            await ScanBothAsync(page, path);
        }

        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    [Fact]
    public async Task Phone_HeaderIsAtMost120Pixels_AndItsMenuOpensWithoutScript()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            Locale = "fr-FR",
            ViewportSize = _phone,
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        (await page.GotoAsync("/collectivites"))!.Status.ShouldBe(200);

        var height = await page.Locator(".site-header").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        output.WriteLine($"header height at 390 px: {height} px");
        height.ShouldBeLessThanOrEqualTo(120);
        (await page.Locator("#recherche-menu").IsVisibleAsync()).ShouldBeFalse();
        (await page.Locator(".nav-wide").IsVisibleAsync()).ShouldBeFalse();

        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();

        (await page.Locator("#recherche-menu").IsVisibleAsync()).ShouldBeTrue();
        await page.Locator(".menu-panel").GetByRole(AriaRole.Link, new() { Name = "Comparaisons" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/comparaisons$"));
    }

    private async Task ScanBothAsync(IPage page, string path)
    {
        foreach (var (viewport, name) in new[] { (new ViewportSize { Width = 1280, Height = 800 }, "bureau"), (_phone, "390 px") })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            (await page.GotoAsync(path))!.Status.ShouldBe(200, path);
            var result = await AxeScan.RunWcag21AAAsync(page);
            var report = AxeScan.Describe(result.Violations);
            output.WriteLine($"{path} ({name}): {result.Violations.Length} violations, {result.Passes.Length} rules passed");
            result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
            if (report.Length > 0)
            {
                _violations.Add($"{path} ({name}):{Environment.NewLine}{report}");
            }
        }

        await page.SetViewportSizeAsync(1280, 800);
    }
}
