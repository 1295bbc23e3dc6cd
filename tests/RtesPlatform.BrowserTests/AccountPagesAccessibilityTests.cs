using RtesPlatform.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>axe-core on the account pages, including a form shown again with its error messages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccountPagesAccessibilityTests(DemoSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/compte/connexion")]
    [InlineData("/compte/mot-de-passe-oublie")]
    [InlineData("/compte/confirmer-email")]
    public async Task Scan_AccountPage_HasNoWcag21AAViolation(string path)
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        (await page.GotoAsync(path))!.Status.ShouldBe(200);

        await ScanAsync(page, path);
    }

    [Fact]
    public async Task Scan_SignInWithErrors_HasNoViolationAndTiesTheErrorToTheField()
    {
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Mot de passe").FillAsync("un mot de passe");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await page.WaitForSelectorAsync(".field-error");
        (await page.GetByLabel("Adresse e-mail").GetAttributeAsync("aria-describedby")).ShouldBe("Input_Email-erreur");
        await ScanAsync(page, "/compte/connexion (errors)");
    }

    private async Task ScanAsync(Microsoft.Playwright.IPage page, string name)
    {
        var result = await AxeScan.RunWcag21AAAsync(page);
        var report = AxeScan.Describe(result.Violations);
        if (report.Length > 0)
        {
            output.WriteLine($"axe-core violations on {name}:");
            output.WriteLine(report);
        }

        result.Passes.ShouldNotBeEmpty("axe-core ran no rule at all");
        result.Violations.ShouldBeEmpty($"axe-core violations on {name}:{Environment.NewLine}{report}");
    }
}
