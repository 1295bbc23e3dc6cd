using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Indicators;

/// <summary>"Chiffres comparés" (<c>/espace/{slug}/indicateurs</c>): the tenant's values, typed or from the published fiche.</summary>
public sealed class IndicatorValuePageTests(BackOffice site) : IClassFixture<BackOffice>
{
    private static readonly int _thisYear = DateTime.UtcNow.Year;

    [Fact]
    public async Task AddChangeAndDeleteAManualValue_StoresItWithItsSource_AndAuditsEachChange()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client("Inès Chiffres");

        var (status, page) = await SaveAsync(client, tenant, "ess_employees", "2023", "12 500,5", "INSEE Flores 2023", "https://example.org/flores");

        status.ShouldBe(200);
        page.QuerySelector("[role=status]")!.Text().ShouldContain("Valeur enregistrée : Salariés de l’ESS, 2023.");
        var row = page.QuerySelector("#valeur-ess_employees-2023").ShouldNotBeNull();
        Normalize(row.QuerySelector("td.num")!.Text()).ShouldBe("12 500,5 personnes");
        row.Text().ShouldContain("Saisie");
        row.Text().ShouldContain("Public");
        row.QuerySelector("a[href='https://example.org/flores']")!.Text().ShouldBe("INSEE Flores 2023");
        (await Stored(tenant, "ess_employees", 2023, "value::text")).ShouldBe("12500.5000");
        (await Stored(tenant, "ess_employees", 2023, "visibility || '/' || origin || '/' || updated_by")).ShouldBe("public/manual/Inès Chiffres");
        (await site.CountAsync("audit_events", tenant,
            "action = 'indicator_value.saved' AND details->>'code' = 'ess_employees' AND (details->>'year')::int = 2023")).ShouldBe(1);

        // Change it: the form comes back filled in.
        (_, page) = await Forms.GetAsync(client, row.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Modifier", StringComparison.Ordinal)).GetAttribute("href")!);
        page.Value("Form.Value").ShouldBe("12500,5");
        page.Value("Form.SourceTitle").ShouldBe("INSEE Flores 2023");
        (_, page) = await Forms.SubmitAsync(client, page, page.Button("Enregistrer la valeur"),
            new Dictionary<string, string> { ["Form.Value"] = "13 000", ["Form.Visibility"] = "Private" });
        page.QuerySelector("#valeur-ess_employees-2023")!.Text().ShouldContain("Privé");
        (await Stored(tenant, "ess_employees", 2023, "value::text || '/' || visibility")).ShouldBe("13000.0000/private");

        // Delete it, after a confirmation.
        var delete = page.QuerySelector("#valeur-ess_employees-2023")!.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Supprimer", StringComparison.Ordinal));
        (_, page) = await Forms.GetAsync(client, delete.GetAttribute("href")!);
        page.QuerySelector(".confirm-delete")!.Text().ShouldContain("Salariés de l’ESS, 2023");
        (_, page) = await Forms.SubmitAsync(client, page, page.Button("Confirmer la suppression"));

        page.QuerySelector("[role=status]")!.Text().ShouldContain("Valeur supprimée");
        page.QuerySelector("#valeur-ess_employees-2023").ShouldBeNull();
        (await site.CountAsync("indicator_values", tenant)).ShouldBe(0);
        (await site.CountAsync("audit_events", tenant, "action = 'indicator_value.deleted' AND details->>'code' = 'ess_employees'")).ShouldBe(1);
    }

    [Theory]
    [InlineData("ess_share_private_jobs", "2023", "120", "Form.Value", "entre 0 et 100")]
    [InlineData("ess_employees", "2023", "-5", "Form.Value", "positif ou nul")]
    [InlineData("ess_employees", "1989", "5", "Form.Year", "entre 1990 et")]
    [InlineData("ess_employees", "+2", "5", "Form.Year", "entre 1990 et")]
    [InlineData("ess_employees", "2023", "beaucoup", "Form.Value", "en chiffres")]
    [InlineData("", "2023", "5", "Form.IndicatorCode", "Choisissez un indicateur")]
    public async Task InvalidValue_IsRefusedWithAFrenchMessageNextToTheField_KeepingWhatWasTyped(
        string code, string year, string value, string field, string message)
    {
        var tenant = await site.CreateTenantAsync();
        var typedYear = year == "+2" ? (_thisYear + 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : year;

        var (status, page) = await SaveAsync(site.Client(), tenant, code, typedYear, value, "Observatoire régional de l’ESS");

        status.ShouldBe(200);
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("n’a pas été enregistrée");
        ErrorOf(page, field).ShouldContain(message);
        page.Value("Form.Value").ShouldBe(value);
        page.Value("Form.Year").ShouldBe(typedYear);
        page.Value("Form.SourceTitle").ShouldBe("Observatoire régional de l’ESS");
        (await site.CountAsync("indicator_values", tenant)).ShouldBe(0);
        (await site.CountAsync("audit_events", tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task ValueWithoutSource_OrWithANonWebAddress_IsRefused()
    {
        var tenant = await site.CreateTenantAsync();

        var (_, page) = await SaveAsync(site.Client(), tenant, "ess_employees", "2023", "10", "", "javascript:alert(1)");

        ErrorOf(page, "Form.SourceTitle").ShouldContain("sans source ne peut pas être comparé");
        ErrorOf(page, "Form.SourceUrl").ShouldContain("http://");
        page.Value("Form.SourceUrl").ShouldBe("javascript:alert(1)");
        (await site.CountAsync("indicator_values", tenant)).ShouldBe(0);
    }

    [Fact]
    public async Task PublishedBudget_ShowsItsDerivedValuesReadOnly_AndRefusesToTypeThemAgain()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection
            {
                Lines =
                [
                    new BudgetLine { Label = "Fonctionnement ESS", Amount = 40_000, Year = 2025, Nature = BudgetNature.Fonctionnement },
                    new BudgetLine { Label = "Fonds d’amorçage", Amount = 230_000, Year = 2025, Nature = BudgetNature.FondsSubventions },
                ],
            },
        });
        var client = site.Client();

        var (_, page) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/indicateurs");

        var total = page.QuerySelector("#valeur-budget_total-2025").ShouldNotBeNull();
        Normalize(total.QuerySelector("td.num")!.Text()).ShouldBe("270 000 €");
        total.Text().ShouldContain("Fiche publiée – Budget (somme des lignes)");
        total.QuerySelector($"a[href='/espace/{tenant.Slug}/budget']").ShouldNotBeNull();
        total.QuerySelectorAll("a").ShouldNotContain(a => a.Text().StartsWith("Supprimer", StringComparison.Ordinal));
        page.QuerySelector("#valeur-budget_grants-2025")!.Text().ShouldContain("Fiche publiée – Budget (lignes de cette nature)");
        page.QuerySelectorAll("tr[data-origin=fiche]").Length.ShouldBe(3);

        var (status, refused) = await SaveAsync(client, tenant, "budget_total", "2025", "999", "Compte administratif");

        status.ShouldBe(200);
        ErrorOf(refused, "Form.IndicatorCode").ShouldContain("Cette valeur vient de la fiche publiée (section Budget) : modifiez-la dans la fiche.");
        refused.Value("Form.Value").ShouldBe("999");
        (await Stored(tenant, "budget_total", 2025, "value::text || '/' || origin")).ShouldBe("270000.0000/fiche");

        // Nor can it be deleted by posting its key.
        var delete = await PostDeleteAsync(client, refused, tenant, "budget_total", 2025);
        delete.ShouldBe(404);
        (await site.CountAsync("indicator_values", tenant, "origin = 'fiche'")).ShouldBe(3);
    }

    [Fact]
    public async Task KeyOfAnotherTenantsValue_PostedFromThisTenantsPage_ChangesNothingOfTheirs()
    {
        var mine = await site.CreateTenantAsync();
        var theirs = await site.CreateTenantAsync();
        await site.Database.RunAsTenantAsync(theirs, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = "scop_count", Year = 2022, Value = 7, Visibility = ValueVisibility.Private, Origin = ValueOrigin.Manual,
                SourceTitle = "Leur source", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var client = site.Client();
        var (_, page) = await Forms.GetAsync(client, $"/espace/{mine.Slug}/indicateurs");

        page.QuerySelector("#valeur-scop_count-2022").ShouldBeNull();
        (await PostDeleteAsync(client, page, mine, "scop_count", 2022)).ShouldBe(404);
        (await Forms.GetAsync(client, $"/espace/{mine.Slug}/indicateurs?indicateur=scop_count&annee=2022")).Status.ShouldBe(404);
        var (_, saved) = await Forms.SubmitAsync(client, page, page.Button("Enregistrer la valeur"), new Dictionary<string, string>
        {
            ["Form.IndicatorCode"] = "scop_count", ["Form.Year"] = "2022", ["Form.Value"] = "99", ["Form.SourceTitle"] = "Notre source",
            ["TenantId"] = theirs.Id.ToString(), ["Form.TenantId"] = theirs.Id.ToString(),
        });

        saved.QuerySelector("#valeur-scop_count-2022").ShouldNotBeNull();
        (await Stored(theirs, "scop_count", 2022, "value::text || '/' || source_title")).ShouldBe("7.0000/Leur source");
        (await Stored(mine, "scop_count", 2022, "value::text || '/' || source_title")).ShouldBe("99.0000/Notre source");
        (await site.CountAsync("audit_events", theirs)).ShouldBe(0);
    }

    [Fact]
    public async Task MoreThanAHundredValues_AreListedAHundredPerPage()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.ExecuteAsAdminAsync("""
            INSERT INTO indicator_values (tenant_id, indicator_code, year, value, visibility, origin, source_title, updated_at)
            SELECT @t, i.code, y, 1, 'private', 'manual', 'Source', now()
            FROM (SELECT code FROM indicators WHERE code IN ('ess_employees', 'ess_establishments', 'scop_count', 'scic_count')) i, generate_series(1990, 2042) y
            WHERE y <= extract(year FROM now())::int + 1
            """, ("t", tenant.Id));
        var total = (int)await site.CountAsync("indicator_values", tenant);
        total.ShouldBeGreaterThan(100);
        var client = site.Client();

        var (_, first) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/indicateurs");
        var (_, second) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/indicateurs?p=2");

        first.QuerySelectorAll("table.indicator-values tbody tr").Length.ShouldBe(100);
        first.QuerySelector("a[rel=next]").ShouldNotBeNull();
        second.QuerySelectorAll("table.indicator-values tbody tr").Length.ShouldBe(total - 100);
    }

    [Fact]
    public async Task EditorOfA_GetsNotFound_OnThePageOfB()
    {
        var a = await site.CreateTenantAsync();
        var b = await site.CreateTenantAsync();
        await using var factory = new RtesWebFactory(site.Database);
        await using var host = factory.WithTestUsers(realPolicies: true);
        var editorOfA = await MemberAsync(host, a, TenantRole.Editor);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, $"{editorOfA}|Éditrice de A");

        var (own, _) = await Forms.GetAsync(client, $"/espace/{a.Slug}/indicateurs");
        var (other, page) = await Forms.GetAsync(client, $"/espace/{b.Slug}/indicateurs");
        using var post = await client.PostAsync(new Uri($"/espace/{b.Slug}/indicateurs", UriKind.Relative), new FormUrlEncodedContent(
            [new("Form.IndicatorCode", "scop_count"), new("Form.Year", "2022"), new("Form.Value", "1"), new("Form.SourceTitle", "x")]));

        own.ShouldBe(200);
        other.ShouldBe(404);
        page.Body!.Text().ShouldNotContain(b.Name);
        ((int)post.StatusCode).ShouldBeOneOf(400, 404);
        (await site.CountAsync("indicator_values", b)).ShouldBe(0);
    }

    internal static async Task<(int Status, IDocument Page)> SaveAsync(
        HttpClient client, Tenant tenant, string code, string year, string value, string source, string url = "")
    {
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/indicateurs");
        return await Forms.SubmitAsync(client, form, form.Button("Enregistrer la valeur"), new Dictionary<string, string>
        {
            ["Form.IndicatorCode"] = code, ["Form.Year"] = year, ["Form.Value"] = value, ["Form.SourceTitle"] = source, ["Form.SourceUrl"] = url,
        });
    }

    /// <summary>Posts the delete handler with a key, with this page's antiforgery token, as a crafted form would.</summary>
    private static async Task<int> PostDeleteAsync(HttpClient client, IDocument page, Tenant tenant, string code, int year)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var response = await client.PostAsync(new Uri($"/espace/{tenant.Slug}/indicateurs?handler=Delete", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("code", code), new("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        return (int)response.StatusCode;
    }

    private Task<string> Stored(Tenant tenant, string code, int year, string expression) =>
        site.Database.QueryAsAdminAsync<string>(
            $"SELECT {expression} FROM indicator_values WHERE tenant_id = @t AND indicator_code = @c AND year = @y",
            ("t", tenant.Id), ("c", code), ("y", year));

    internal static string ErrorOf(IDocument page, string field) =>
        page.QuerySelector($"#{Espace(field)}-error")?.Text().Trim() ?? throw new ShouldAssertException($"No error next to {field}.");

    private static string Espace(string name) => name.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    internal static string Normalize(string text) => System.Text.RegularExpressions.Regex.Replace(text.Trim(), "[\u00a0\u202f ]+", " ");

    private async Task<Guid> MemberAsync(WebApplicationFactory<Program> host, Tenant tenant, string role)
    {
        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var email = $"chiffres-{Guid.NewGuid().ToString("N")[..8]}@test.example";
            var user = new RtesUser { UserName = email, Email = email, EmailConfirmed = true };
            var result = await scope.ServiceProvider.GetRequiredService<UserManager<RtesUser>>().CreateAsync(user, "Une phrase de passe solide");
            result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
            id = user.Id;
        }

        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.TenantMemberships.Add(new TenantMembership { UserId = id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });
        return id;
    }
}
