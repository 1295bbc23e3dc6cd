using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using RtesPlatform.Core.Features.Accounts;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// The token page of a tenant admin in Chromium, scanned by axe-core in each of its states: the
/// list, the form with its errors, the secret shown once, the revocation's confirmation. (The page
/// needs a signed-in admin, so it is not in the anonymous <see cref="AccessibilityTests"/> list.)
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApiTokenPageAccessibilityTests(BackOfficeSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<BackOfficeSiteFixture>
{
    private const string Slug = "ca-la-rochelle";
    private const string Password = "Navigateur-RTES-2026!";

    private readonly List<string> _violations = [];

    [Fact]
    public async Task Admin_CreatesAndRevokesAToken_WithoutAccessibilityViolations()
    {
        var email = $"admin-jetons-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await site.CreateMemberAsync(Slug, email, Password, TenantRole.Admin);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/espace/{Slug}/jetons");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{Slug}/jetons$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Jetons d’API");
        await ScanAsync(page, "jetons");

        // Without a name: the error summary and the message next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le jeton" }).ClickAsync();
        await page.Locator("#erreurs-jeton").WaitForAsync();
        (await page.Locator("#Input_Name").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await ScanAsync(page, "jetons (erreurs)");

        await page.GetByLabel("Nom du jeton").FillAsync("Synchronisation SIG");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le jeton" }).ClickAsync();
        await page.Locator("#jeton-secret").WaitForAsync();
        (await page.Locator("#jeton-secret").InputValueAsync()).ShouldStartWith("rtes_");
        await ScanAsync(page, "jetons (secret affiché)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Révoquer le jeton Synchronisation SIG" }).ClickAsync();
        await page.Locator("#confirmer-revocation").WaitForAsync();
        await ScanAsync(page, "jetons (confirmation)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la révocation" }).ClickAsync();
        await page.Locator(".notice-success[role=status]").WaitForAsync();
        await ScanAsync(page, "jetons (révoqué)");

        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    private async Task ScanAsync(IPage page, string name)
    {
        var result = await AxeScan.RunWcag21AAAsync(page);
        var report = AxeScan.Describe(result.Violations);
        if (report.Length > 0)
        {
            output.WriteLine($"axe-core violations on {name} ({page.Url}):");
            output.WriteLine(report);
        }

        result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
        if (result.Violations.Length > 0)
        {
            _violations.Add($"axe-core violations on {name}:{Environment.NewLine}{report}");
        }
    }
}
