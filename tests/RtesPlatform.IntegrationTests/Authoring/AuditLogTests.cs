using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Authoring;

public sealed class AuditLogTests(BackOffice site) : IClassFixture<BackOffice>
{
    [Fact]
    public async Task EverySave_WritesAnAuditEvent_ShownInTheJournal()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client("Émile Journal");

        await DraftEditingTests.AddBudgetLineAsync(client, tenant.Slug, "Ligne journalisée", "10", "2025");

        (await site.CountAsync("audit_events", tenant,
            "action = 'draft.saved' AND section = 'Budget' AND user_name = 'Émile Journal' AND user_id = 'user-émile-journal' AND details->>'revision' = '1'"))
            .ShouldBe(1);
        var (_, journal) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/journal");
        var row = journal.QuerySelector(".audit-log tbody tr")!.Text();
        row.ShouldContain("Émile Journal");
        row.ShouldContain("Brouillon enregistré");
        row.ShouldContain("Budget et moyens");
    }

    [Fact]
    public async Task Journal_IsPaginatedBy20()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.ExecuteAsAdminAsync(
            "INSERT INTO audit_events (tenant_id, at, user_name, action) SELECT @t, now() - make_interval(mins => g), 'Lot ' || g, 'draft.saved' FROM generate_series(1, 25) g",
            ("t", tenant.Id));
        var client = site.Client();

        var (_, first) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/journal");
        var (_, second) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/journal?p=2");
        var (beyond, _) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/journal?p=3");

        first.QuerySelectorAll(".audit-log tbody tr").Length.ShouldBe(20);
        second.QuerySelectorAll(".audit-log tbody tr").Length.ShouldBe(5);
        first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href").ShouldBe("?p=2");
        beyond.ShouldBe(404);
    }

    [Theory]
    [InlineData("UPDATE audit_events SET user_name = 'faussaire'")]
    [InlineData("DELETE FROM audit_events")]
    public async Task AuditEvents_CannotBeRewrittenByTheApplicationRole(string sql)
    {
        var tenant = await site.CreateTenantAsync();
        await DraftEditingTests.AddBudgetLineAsync(site.Client(), tenant.Slug, "Ligne", "10", "2025");

        var error = await Should.ThrowAsync<PostgresException>(() => site.Database.RunAsTenantAsync(tenant, async db =>
        {
            // As the application connects: rtes_app, with the tenant set in the session.
            await db.Database.ExecuteSqlRawAsync(sql);
        }));

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await site.CountAsync("audit_events", tenant, "user_name = 'faussaire'")).ShouldBe(0);
        (await site.CountAsync("audit_events", tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task AuditEvents_OfAnotherTenant_AreInvisible()
    {
        var mine = await site.CreateTenantAsync();
        var other = await site.CreateTenantAsync();
        await DraftEditingTests.AddBudgetLineAsync(site.Client("Autre Tenant"), other.Slug, "Ligne de l'autre", "10", "2025");

        var (_, journal) = await Forms.GetAsync(site.Client(), $"/espace/{mine.Slug}/journal");

        journal.Body!.Text().ShouldContain("Aucune action n’a encore été enregistrée");
        journal.Body!.Text().ShouldNotContain("Autre Tenant");
    }

    [Fact]
    public async Task Dashboard_ShowsSectionStates_AndFlagsFiguresOlderThanTwoYears()
    {
        var tenant = await site.CreateTenantAsync();
        var year = DateTime.UtcNow.Year;
        await site.SaveDraftAsync(tenant, new FicheContent
        {
            Panorama = new PanoramaSection
            {
                Figures =
                [
                    new KeyFigure { Label = "Salariés de l'ESS", Value = 8049, Unit = FigureUnit.Persons, Year = year - 3 },
                    new KeyFigure { Label = "Établissements", Value = 649, Unit = FigureUnit.Count, Year = year - 2 },
                ],
            },
            Budget = new BudgetSection { Staff = new StaffFigure { Fte = 10, Year = year - 5 } },
        });

        var (status, page) = await Forms.GetAsync(site.Client(), $"/espace/{tenant.Slug}");

        status.ShouldBe(200);
        var stale = page.QuerySelectorAll(".stale-figures li").Select(li => li.Text()).ToList();
        stale.Count.ShouldBe(2);
        stale.ShouldContain(t => t.Contains("Salariés de l'ESS", StringComparison.Ordinal) && t.Contains((year - 3).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        stale.ShouldContain(t => t.Contains("Moyens humains", StringComparison.Ordinal));
        var states = page.QuerySelectorAll("table.data-table tbody tr").ToDictionary(r => r.QuerySelector("th")!.Text(), r => r.QuerySelectorAll("td")[0].Text());
        states["Panorama de l’ESS"].ShouldBe("rempli");
        states["Programme d’intervention"].ShouldBe("vide");
        page.QuerySelector("#derniere-publication")!.Text().ShouldContain("jamais été publiée");
    }
}
