using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RtesPlatform.BrowserTests.Infrastructure;
using RtesPlatform.Core.Features.Accounts;
using Xunit.Abstractions;

namespace RtesPlatform.BrowserTests;

/// <summary>
/// Every text field of the back office (panorama, figures, budget lines, programme and axes,
/// actions and their results, contacts, sources, a typed indicator value's source) filled with
/// XSS payloads (script tags, event handlers, javascript: URLs, SVG onload, Markdown link and
/// image tricks), published, then rendered in Chromium: the public fiche, the search results,
/// /actions, the comparison pages, the back office's preview, history diff and audit log. A window
/// hook, a dialog listener and a CSP violation listener prove that no script ran and no injected
/// markup reached the page; the payloads show as text.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class XssTests(BackOfficeSiteFixture site, ChromiumFixture chromium, ITestOutputHelper output)
    : IClassFixture<BackOfficeSiteFixture>
{
    private const string Slug = "ca-la-rochelle";
    private const string Password = "Navigateur-XSS-2026!";

    /// <summary>Each calls window.__xss (or alert) if it ever runs; rotated over the fields.</summary>
    private static readonly string[] _payloads =
    [
        "<script>window.__xss('script')</script>",
        "<img src=x onerror=\"window.__xss('onerror')\">",
        "<svg onload=window.__xss('svg')>",
        "javascript:window.__xss('url')",
        "[lien piégé](javascript:window.__xss('md-link'))",
        "![image piégée](x\" onerror=\"window.__xss('md-img'))",
        "<a href=\"javascript:alert('a')\">lien</a>",
        "\"><script>alert('attr')</script>",
        "<iframe srcdoc=\"<script>parent.__xss('iframe')</script>\"></iframe>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<details open ontoggle=window.__xss('toggle')>",
        "'; window.__xss('quote'); '",
    ];

    private static readonly string[] _sections = ["panorama", "budget", "programme", "actions/0", "actions/nouvelle", "contacts", "sources"];

    private readonly ConcurrentQueue<string> _fired = new();
    private int _next;

    [Fact]
    public async Task XssPayloads_InEveryTextField_NeverRunAnywhereTheyAreShown()
    {
        var email = $"xss-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        await site.CreateMemberAsync(Slug, email, Password, TenantRole.Admin);
        await using var context = await chromium.NewContextAsync(site.BaseAddress);
        await context.AddInitScriptAsync("""
            window.__xss = m => { (window.__xssFired = window.__xssFired || []).push(String(m)); };
            document.addEventListener('securitypolicyviolation', e => {
              (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI);
            });
            """);
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            _fired.Enqueue($"dialog « {dialog.Message} » on {page.Url}");
            _ = dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _fired.Enqueue($"CSP console report on {page.Url}: {message.Text}");
            }
        };

        await page.GotoAsync($"/espace/{Slug}");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/espace/{Slug}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });

        // The listeners can fail: a script that runs and markup the CSP blocks are both seen, then forgotten.
        await page.EvaluateAsync("() => window.__xss('sonde')");
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__xss(1)'; document.body.append(s); }"),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) });
        await page.WaitForFunctionAsync("() => (window.__cspViolations || []).length > 0");
        (await page.EvaluateAsync<string[]>("() => window.__xssFired")).ShouldBe(["sonde"]);
        await page.EvaluateAsync("() => { window.__xssFired = []; window.__cspViolations = []; }");
        _fired.Clear();

        var filled = 0;
        foreach (var section in _sections)
        {
            filled += await FillSectionAsync(page, $"/espace/{Slug}/{section}");
        }

        // A typed indicator value, its source carrying a payload.
        (await page.GotoAsync($"/espace/{Slug}/indicateurs"))!.Status.ShouldBe(200);
        await page.Locator("#Form_IndicatorCode").SelectOptionAsync("ess_share_private_jobs");
        await page.Locator("#Form_Year").FillAsync("2019");
        await page.Locator("#Form_Value").FillAsync("12");
        var source = page.Locator("form:has(#Form_Value) input[type=text]:not(#Form_Year):not(#Form_Value), form:has(#Form_Value) textarea");
        for (var i = 0; i < await source.CountAsync(); i++)
        {
            await source.Nth(i).FillAsync(NextPayload());
            filled++;
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await AssertNothingRanAsync(page, "indicateurs");

        output.WriteLine($"{filled} text fields filled with payloads");
        filled.ShouldBeGreaterThanOrEqualTo(20, "too few text fields were found to prove anything");

        await page.GotoAsync($"/espace/{Slug}/publier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer la publication" }).ClickAsync();
        await page.Locator("[role=status]", new() { HasTextRegex = new Regex("La version \\d+ est publiée") }).WaitForAsync();
        await AssertNothingRanAsync(page, "tableau de bord");

        // The back office's own views of the payloads.
        await VisitAsync(page, $"/espace/{Slug}/apercu", expectPayloadText: true);
        await VisitAsync(page, $"/espace/{Slug}/journal", expectPayloadText: false);
        (await page.GotoAsync($"/espace/{Slug}/historique"))!.Status.ShouldBe(200);
        var versions = (await page.Locator("#de option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"))
            .Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        versions.Count.ShouldBeGreaterThanOrEqualTo(2);
        await page.Locator("#de").SelectOptionAsync(versions[^2].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#a").SelectOptionAsync(versions[^1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Comparer" }).ClickAsync();
        await page.Locator("section.diff").WaitForAsync();
        (await page.Locator("section.diff").InnerTextAsync()).ShouldContain("window.__xss(");
        await AssertNothingRanAsync(page, "historique (comparaison)");

        // The public site, for a visitor and for the signed-in officer.
        await VisitAsync(page, $"/collectivites/{Slug}", expectPayloadText: true);
        await VisitAsync(page, "/recherche?q=" + Uri.EscapeDataString("lien piégé"), expectPayloadText: false);
        await VisitAsync(page, "/recherche?q=script", expectPayloadText: false);
        await VisitAsync(page, "/recherche?q=" + Uri.EscapeDataString(_payloads[0]), expectPayloadText: false);
        await VisitAsync(page, "/actions", expectPayloadText: false);
        await VisitAsync(page, "/comparaisons", expectPayloadText: false);
        await VisitAsync(page, "/comparaisons?indicateur=ess_share_private_jobs", expectPayloadText: false);
        await VisitAsync(page, "/comparaisons/evolution?indicateur=ess_share_private_jobs&collectivites=" + Slug, expectPayloadText: false);
        await VisitAsync(page, "/comparaisons/groupes?indicateur=ess_share_private_jobs", expectPayloadText: false);
        var visitor = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        await using (visitor)
        {
            var anonymous = await visitor.NewPageAsync();
            anonymous.Dialog += (_, dialog) =>
            {
                _fired.Enqueue($"dialog « {dialog.Message} » on {anonymous.Url}");
                _ = dialog.DismissAsync();
            };
            await visitor.AddInitScriptAsync("window.__xss = m => { (window.__xssFired = window.__xssFired || []).push(String(m)); };");
            await VisitAsync(anonymous, $"/collectivites/{Slug}", expectPayloadText: true);
            await VisitAsync(anonymous, "/actions", expectPayloadText: false);
        }

        _fired.ShouldBeEmpty("a payload ran or was blocked by the CSP (injected markup)");
    }

    /// <summary>
    /// Fills every free-text field of a back-office form with a payload and saves; fields the
    /// form refuses (numbers, years, e-mail addresses) get their previous value back, then the
    /// form is saved again. Returns how many fields kept a payload.
    /// </summary>
    private async Task<int> FillSectionAsync(IPage page, string url)
    {
        (await page.GotoAsync(url))!.Status.ShouldBe(200, url);
        if (url.EndsWith("/contacts", StringComparison.Ordinal))
        {
            // The demo fiche may have no contact: one more, so that its fields exist.
            await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un contact" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }

        var fields = page.Locator("main form[method=post] textarea, main form[method=post] input[type=text], main form[method=post] input:not([type]), main form[method=post] input[type=url]");
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < await fields.CountAsync(); i++)
        {
            var field = fields.Nth(i);
            var name = await field.GetAttributeAsync("name");
            if (name is null || !await field.IsVisibleAsync())
            {
                continue;
            }

            var value = await field.InputValueAsync();
            if (Regex.IsMatch(value, @"^[\d\s,.\u00a0\u202f-]+$") || NumericName().IsMatch(name))
            {
                // A number or a year: the payload would only be refused.
                continue;
            }

            originals[name] = value;
            await field.FillAsync(NextPayload());
        }

        for (var attempt = 0; attempt < 6; attempt++)
        {
            await page.Locator("main form[method=post] button.button-primary").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await AssertNothingRanAsync(page, url);
            var invalid = page.Locator("[aria-invalid=true][name]");
            if (await invalid.CountAsync() == 0)
            {
                break;
            }

            for (var i = 0; i < await invalid.CountAsync(); i++)
            {
                var name = (await invalid.Nth(i).GetAttributeAsync("name"))!;
                output.WriteLine($"{url}: refused {name} = « {await invalid.Nth(i).InputValueAsync()} »");
                var restored = originals.TryGetValue(name, out var original) ? original : string.Empty;
                // An empty number another field now requires (a staff note needs its FTE and year).
                await invalid.Nth(i).FillAsync(restored.Length > 0 || !NumericName().IsMatch(name) ? restored : name.Contains("Year", StringComparison.Ordinal) ? "2024" : "1");
                originals.Remove(name);
            }
        }

        (await page.Locator("[aria-invalid=true][name]").CountAsync()).ShouldBe(0, $"{url} still refuses the form");
        output.WriteLine($"{url}: {originals.Count} fields with a payload");
        return originals.Count;
    }

    private async Task VisitAsync(IPage page, string url, bool expectPayloadText)
    {
        var response = await page.GotoAsync(url);
        response.ShouldNotBeNull(url);
        response.Status.ShouldBeLessThan(500, url);
        await AssertNothingRanAsync(page, url);
        if (expectPayloadText)
        {
            // Shown as text: the characters are there, no element was made of them.
            var text = await page.Locator("main").InnerTextAsync();
            text.ShouldContain("window.__xss(", Case.Sensitive, url);
            var injected = page.Locator("main script, main iframe, main svg[onload], main img[onerror], main [ontoggle], main a[href^='javascript:' i], main a[href^='data:' i]");
            var markup = await injected.EvaluateAllAsync<string[]>("elements => elements.map(e => e.outerHTML.slice(0, 300))");
            markup.ShouldBeEmpty($"markup from a payload on {url}");
        }

        output.WriteLine($"{url}: {response.Status}, nothing ran");
    }

    private async Task AssertNothingRanAsync(IPage page, string where)
    {
        var fired = await page.EvaluateAsync<string[]>("() => (window.__xssFired || []).concat(window.__cspViolations || [])");
        foreach (var item in fired)
        {
            _fired.Enqueue($"{where}: {item}");
        }

        _fired.ShouldBeEmpty($"a payload ran, or injected markup was blocked by the CSP, on {where}");
    }

    [GeneratedRegex("Year|Fte|Amount|Value|Start|End|Count|Number|Email|Phone|Population|Key$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericName();

    private string NextPayload() => _payloads[_next++ % _payloads.Length] + $" n°{_next}";
}
