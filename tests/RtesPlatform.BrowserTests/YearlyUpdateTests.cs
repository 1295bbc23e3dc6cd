using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// The officer's yearly update in Chromium, from sign-in to the public fiche: new figures for a new
/// year, one budget line, one action, publish. Every user action (a page opened by address, a
/// field filled, a click) is counted, from opening the site to reading the public fiche; the update
/// must take at most 15 of them on at most 3 back-office screens. axe-core on the pages changed, desktop and 390 px wide.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class YearlyUpdateTests(BackOfficeSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<BackOfficeSiteFixture>
{
    private const string Slug = "grand-reims";
    private const string Password = "Navigateur-RTES-2026!";
    private const int MaxSteps = 15;
    private const int MaxScreens = 3;

    private static readonly FicheContent _fiche = new()
    {
        Panorama = new PanoramaSection
        {
            Narrative = "L’ESS dans le Grand Reims.",
            Figures =
            [
                new KeyFigure { Label = "Salariés de l’ESS", Value = 7_905, Unit = FigureUnit.Persons, Year = 2023, SourceKey = "insee", IndicatorCode = "ess_employees" },
                new KeyFigure { Label = "Salariés de l’ESS", Value = 8_049, Unit = FigureUnit.Persons, Year = 2024, SourceKey = "insee", IndicatorCode = "ess_employees" },
                new KeyFigure { Label = "Établissements de l’ESS", Value = 812, Unit = FigureUnit.Count, Year = 2024, SourceKey = "insee" },
            ],
        },
        Budget = new BudgetSection
        {
            Lines = [new BudgetLine { Label = "Subventions aux structures de l’ESS", Amount = 250_000, Year = 2024, Nature = BudgetNature.FondsSubventions }],
        },
        Sources = [new Source { Key = "insee", Title = "INSEE Flores", Publisher = "INSEE", Year = 2024 }],
    };

    private readonly List<string> _violations = [];
    private readonly List<string> _steps = [];
    private readonly HashSet<string> _screens = new(StringComparer.Ordinal);

    [Fact]
    public async Task YearlyUpdate_FromSignInToThePublicFiche_TakesAtMost15Actions_OnAtMost3Screens()
    {
        await site.CreatePublishedTenantAsync("200067213", Slug, _fiche);
        var email = $"annuel-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await site.CreateMemberAsync(Slug, email, Password, TenantRole.Editor);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();

        await StepAsync(page, "ouvrir l’espace de la collectivité", async () => await page.GotoAsync($"/espace/{Slug}"));
        await StepAsync(page, "adresse e-mail", () => page.GetByLabel("Adresse e-mail").FillAsync(email));
        await StepAsync(page, "mot de passe", () => page.GetByLabel("Mot de passe").FillAsync(Password));
        await StepAsync(page, "se connecter", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/espace/{Slug}$"), Loaded);
        });
        await StepAsync(page, "ouvrir la mise à jour annuelle", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Mise à jour annuelle", Exact = true }).First.ClickAsync();
            await page.WaitForURLAsync(new Regex("/mise-a-jour$"), Loaded);
        });
        await ScanAsync(page, "mise à jour annuelle");

        // The latest year's rows come ticked: one click copies them to 2025, values empty, the first one focused.
        (await page.Locator("input[name=CarryFigures]:checked").CountAsync()).ShouldBe(2);
        await StepAsync(page, "reporter sur l’année suivante", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Reporter sur l’année suivante" }).ClickAsync();
            await page.Locator("#chiffre-5").WaitForAsync();
        });
        // The first copied row's value is the one to focus.
        (await page.Locator("#Panorama_Figures_3__Value").GetAttributeAsync("autofocus")).ShouldNotBeNull();
        (await page.Locator("#Panorama_Figures_3__Year").InputValueAsync()).ShouldBe("2025");
        (await page.Locator("#Budget_Lines_1__Year").InputValueAsync()).ShouldBe("2025");
        await ScanAsync(page, "mise à jour annuelle (lignes reportées)");

        await StepAsync(page, "salariés 2025", () => page.Locator("#Panorama_Figures_3__Value").FillAsync("8 312"));
        await StepAsync(page, "établissements 2025", () => page.Locator("#Panorama_Figures_4__Value").FillAsync("835"));
        await StepAsync(page, "subventions 2025", () => page.Locator("#Budget_Lines_1__Amount").FillAsync("265 000"));
        await StepAsync(page, "titre de la nouvelle action", () => page.GetByLabel("Titre de l’action").FillAsync("Fonds d’amorçage coopératif 2025"));
        await StepAsync(page, "enregistrer et aller à la publication", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et aller à la publication" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/espace/{Slug}/publier$"), Loaded);
        });
        await StepAsync(page, "confirmer la publication", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la publication" }).ClickAsync();
            await page.Locator("[role=status]", new() { HasTextRegex = new Regex("La version \\d+ est publiée") }).WaitForAsync();
        });
        await StepAsync(page, "voir la fiche publique", async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "voir la fiche publique" }).ClickAsync();
            await page.WaitForURLAsync(new Regex($"/collectivites/{Slug}$"), Loaded);
        });

        output.WriteLine($"Yearly update: {_steps.Count} actions on {_screens.Count} screens after sign-in ({string.Join(", ", _screens)}):");
        output.WriteLine(string.Join(Environment.NewLine, _steps.Select((s, i) => $"{i + 1,2}. {s}")));
        var fiche = Normalize((await page.Locator("main").TextContentAsync()).ShouldNotBeNull());
        fiche.ShouldContain("8 312");
        fiche.ShouldContain("835");
        fiche.ShouldContain("Fonds d’amorçage coopératif 2025");
        Normalize(await AmountCellAsync(page, "Subventions aux structures de l’ESS", "2025")).ShouldBe("265 000 €");
        await LatestOfSeriesAsync(page);
        _steps.Count.ShouldBeLessThanOrEqualTo(MaxSteps, string.Join(" → ", _steps));
        _screens.Count.ShouldBeLessThanOrEqualTo(MaxScreens, string.Join(", ", _screens));
        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    [Fact]
    public async Task ChangedPages_HaveNoAxeViolations_OnADesktopAndA390PxPhone_AndStayCompact()
    {
        var email = $"compact-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        // The demo tenant with the most figures (19 cards of 6 fields before the tables).
        const string demo = "ca-la-rochelle";
        await site.CreateMemberAsync(demo, email, Password, TenantRole.Editor);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/espace/{demo}");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{demo}$"), Loaded);

        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in new[] { "panorama", "budget", "mise-a-jour", "sources", "contacts", "actions/0", "" })
            {
                (await page.GotoAsync($"/espace/{demo}/{path}".TrimEnd('/')))!.Status.ShouldBe(200);
                var tall = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
                output.WriteLine($"{width} px: /espace/{demo}/{path} is {tall} px tall");
                await ScanAsync(page, $"{path} ({width} px)");
            }

            // A refused save: messages next to the cells, as typed.
            await page.GotoAsync($"/espace/{demo}/panorama");
            await page.Locator("#Form_Figures_0__Value").FillAsync("beaucoup");
            await page.Locator("#Form_Figures_1__Label").FillAsync(new string('a', 201));
            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
            await page.Locator(".notice-error[role=alert]").WaitForAsync();
            (await page.Locator("#Form_Figures_0__Value").InputValueAsync()).ShouldBe("beaucoup");
            (await page.Locator("#Form_Figures_1__Label").GetAttributeAsync("aria-invalid")).ShouldBe("true");
            await ScanAsync(page, $"panorama, erreurs ({width} px)");
            if (width == 1280)
            {
                // The panorama form was 13 617 px tall on a desktop with its figures as cards.
                (await PanoramaFormHeightAsync(page)).ShouldBeLessThan(4_000);
            }
        }

        _violations.ShouldBeEmpty(string.Join(Environment.NewLine, _violations));
    }

    private static PageWaitForURLOptions Loaded => new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

    private async Task<int> PanoramaFormHeightAsync(IPage page)
    {
        await page.GotoAsync("/espace/ca-la-rochelle/panorama");
        var height = await page.EvaluateAsync<int>("Math.round(document.querySelector('form.section-form').getBoundingClientRect().height)");
        output.WriteLine($"panorama form: {height} px on {page.ViewportSize?.Width} px");
        return height;
    }

    /// <summary>Counts one user action, and the back-office screen it leads to (sign-in and the public fiche are not screens of the update).</summary>
    private async Task StepAsync(IPage page, string what, Func<Task> action)
    {
        await action();
        _steps.Add(what);
        var path = new Uri(page.Url).AbsolutePath;
        if (path.StartsWith("/espace/", StringComparison.Ordinal))
        {
            _screens.Add(path);
        }
    }

    /// <summary>
    /// When the fiche groups a label's years into one series (a tile with the earlier years in a
    /// table), 2025 must be the value it shows first; a fiche of separate tiles shows it as present.
    /// </summary>
    private static async Task LatestOfSeriesAsync(IPage page)
    {
        var series = page.Locator("[data-series]", new() { HasText = "Salariés de l’ESS" });
        if (await series.CountAsync() > 0)
        {
            var text = Normalize((await series.First.TextContentAsync()).ShouldNotBeNull());
            text.IndexOf("8 312", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("8 049", StringComparison.Ordinal));
            text.ShouldContain("2025");
        }
    }

    /// <summary>The amount of the budget line <paramref name="label"/> of <paramref name="year"/>, as shown.</summary>
    private static async Task<string> AmountCellAsync(IPage page, string label, string year)
    {
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = label, Exact = true }), HasText = year });
        return (await row.Locator("td.num").First.TextContentAsync()).ShouldNotBeNull();
    }

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
