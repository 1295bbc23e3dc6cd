using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using RtesPlatform.Core.Features.Accounts;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// An editor of a demo tenant in Chromium: sign in, add a budget line (once with an error), preview,
/// publish, and the public fiche shows it in French; axe-core on every back-office page visited.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class BackOfficeFlowTests(BackOfficeSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<BackOfficeSiteFixture>
{
    private const string Slug = "ca-la-rochelle";
    private const string Password = "Navigateur-RTES-2026!";

    private readonly List<string> _violations = [];

    [Fact]
    public async Task Editor_AddsABudgetLine_PreviewsAndPublishes_ThePublicFicheShowsItInFrench()
    {
        var email = $"redaction-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await site.CreateMemberAsync(Slug, email, Password, TenantRole.Editor);
        var label = $"Fonds d’amorçage coopératif {Guid.NewGuid().ToString("N")[..6]}";
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        // Sign in: the back office sends to the sign-in page, which comes back to it.
        await page.GotoAsync($"/espace/{Slug}");
        page.Url.ShouldContain("/compte/connexion?ReturnUrl=");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{Slug}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Tableau de bord de la fiche");
        await ScanAsync(page, "tableau de bord");

        // Budget: a new line, first with an amount that is not one.
        (await page.GotoAsync($"/espace/{Slug}/budget"))!.Status.ShouldBe(200);
        var lines = page.Locator("table.edit-table tbody tr");
        var before = await lines.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une ligne budgétaire" }).ClickAsync();
        await lines.Nth(before).WaitForAsync();
        var line = lines.Nth(before);
        await line.GetByLabel("Poste").FillAsync(label);
        await line.GetByLabel("Montant en euros").FillAsync("douze mille");
        await line.GetByLabel("Année de la ligne").FillAsync("2025");
        await line.GetByLabel("Nature").SelectOptionAsync("FondsSubventions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.Locator(".notice-error[role=alert]").WaitForAsync();
        line = page.Locator("table.edit-table tbody tr").Nth(before);
        (await line.GetByLabel("Poste").InputValueAsync()).ShouldBe(label);
        (await line.GetByLabel("Montant en euros").InputValueAsync()).ShouldBe("douze mille");
        (await line.GetByLabel("Montant en euros").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await ScanAsync(page, "budget (erreurs)");

        await line.GetByLabel("Montant en euros").FillAsync("12 345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        // The saved page's DOM is enough (a loaded machine once took over 30 s to fire "load");
        // the text then proves the save.
        await page.WaitForURLAsync(new Regex("enregistre=(true|True)"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        await page.GetByText("Brouillon enregistré").WaitForAsync();
        await ScanAsync(page, "budget");

        // Preview: the draft as the public will see it, marked as such.
        (await page.GotoAsync($"/espace/{Slug}/apercu"))!.Status.ShouldBe(200);
        (await page.Locator("main").TextContentAsync()).ShouldNotBeNull().ShouldContain("brouillon — pas encore publié");
        Normalize(await AmountCellAsync(page, label)).ShouldBe("12 345 €");
        await ScanAsync(page, "aperçu");

        // Publish from the preview: the summary of the changes, then the confirmation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Publier…" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Résumé des changements") }).WaitForAsync();
        await ScanAsync(page, "publier (résumé)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la publication" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasTextRegex = new Regex("La version \\d+ est publiée") }).WaitForAsync();
        await ScanAsync(page, "tableau de bord (publié)");

        (await page.GotoAsync($"/espace/{Slug}/historique"))!.Status.ShouldBe(200);
        await ScanAsync(page, "historique");
        var versions = (await page.Locator("#de option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"))
            .Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        versions.Count.ShouldBeGreaterThanOrEqualTo(2);
        await page.Locator("#de").SelectOptionAsync(versions[^2].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#a").SelectOptionAsync(versions[^1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Comparer" }).ClickAsync();
        await page.Locator("section.diff").WaitForAsync();
        (await page.Locator("section.diff").TextContentAsync()).ShouldNotBeNull().ShouldContain(label);
        await ScanAsync(page, "historique (comparaison)");
        (await page.GotoAsync($"/espace/{Slug}/journal"))!.Status.ShouldBe(200);
        await ScanAsync(page, "journal");

        // Chiffres comparés: the published budget's values, and a typed value refused with its message.
        (await page.GotoAsync($"/espace/{Slug}/indicateurs"))!.Status.ShouldBe(200);
        (await page.Locator("tr[data-origin=fiche]").CountAsync()).ShouldBeGreaterThan(0);
        await ScanAsync(page, "chiffres comparés");
        await page.Locator("#Form_IndicatorCode").SelectOptionAsync("ess_share_private_jobs");
        await page.Locator("#Form_Year").FillAsync("2024");
        await page.Locator("#Form_Value").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        await page.Locator(".notice-error[role=alert]").WaitForAsync();
        (await page.Locator("#Form_Value").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        await ScanAsync(page, "chiffres comparés (erreurs)");
        (await page.GotoAsync($"/espace/{Slug}/panorama"))!.Status.ShouldBe(200);
        await ScanAsync(page, "panorama");

        // The public fiche, read by a visitor who is not signed in.
        var visitor = await (await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), Locale = "fr-FR" })).NewPageAsync();
        (await visitor.GotoAsync($"/collectivites/{Slug}"))!.Status.ShouldBe(200);
        Normalize(await AmountCellAsync(visitor, label)).ShouldBe("12 345 €");
        (await visitor.Locator("tr", new() { Has = visitor.GetByRole(AriaRole.Rowheader, new() { Name = label }) }).TextContentAsync())
            .ShouldNotBeNull().ShouldContain("Fonds et subventions");
        await visitor.Context.CloseAsync();

        // Every page is scanned before failing, so that the report lists them all.
        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    [Fact]
    public async Task NetworkAdmin_OpensTheIndicatorCatalogue_WithoutAccessibilityViolations()
    {
        var email = $"reseau-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        var key = await site.CreateNetworkAdminAsync(email, Password);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/reseau/indicateurs");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(BackOfficeSiteFixture.TotpCode(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/reseau/indicateurs$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Catalogue des indicateurs");
        await ScanAsync(page, "catalogue des indicateurs");

        // An invalid code: the message next to the field.
        await page.GetByLabel("Code", new() { Exact = false }).First.FillAsync("Code invalide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l’indicateur" }).ClickAsync();
        await page.Locator(".notice-error[role=alert]").WaitForAsync();
        await ScanAsync(page, "catalogue des indicateurs (erreurs)");
        (await page.GotoAsync("/reseau/indicateurs?modifier=ess_employees"))!.Status.ShouldBe(200);
        await ScanAsync(page, "catalogue des indicateurs (modification)");

        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    /// <summary>The amount of the budget line <paramref name="label"/>, as shown.</summary>
    private static async Task<string> AmountCellAsync(IPage page, string label)
    {
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }) });
        return (await row.Locator("td.num").TextContentAsync()).ShouldNotBeNull();
    }

    /// <summary>French formatting uses (narrow) no-break spaces between thousands and before €.</summary>
    private static string Normalize(string text) => Spaces().Replace(text.Trim(), " ");

    [GeneratedRegex("[\u00a0\u202f ]+")]
    private static partial Regex Spaces();

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
