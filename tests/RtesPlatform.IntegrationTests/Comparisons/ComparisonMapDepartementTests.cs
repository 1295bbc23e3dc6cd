using System.Globalization;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>
/// The map reads each value's département from <c>comparison_values</c>: when a member moves to
/// another département, the aggregates refresh moves its value with it (the tenant trigger queues
/// its values), so the map never shows the value in the old département.
/// </summary>
public sealed class ComparisonMapDepartementTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private TestDatabase Database => fixture.Database;

    [Fact]
    public async Task MemberMovesToAnotherDepartement_ItsValueMovesOnTheMap()
    {
        var code = "test_" + Guid.NewGuid().ToString("N")[..10];
        await Database.ExecuteAsAdminAsync(
            """
            INSERT INTO indicators (code, label_fr, label_en, unit, definition, category, per_capita_base, default_visibility, derived_from, sort_order, updated_at)
            VALUES (@code, 'Indicateur de test', 'Test', 'Count', 'Test', 'autre', 1, 'public', 'figure', 999, now())
            """,
            ("code", code));
        var tenant = await Database.CreateTenantAsync(TestSirens.Next());
        await MoveAsync(tenant, "05");
        await Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = code, Year = 2023, Value = 12_345, Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual, SourceTitle = "Test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await RefreshAsync();

        var before = await MedianByDepartementAsync(code);
        before.GetValueOrDefault("05").ShouldBe(12.345);

        await MoveAsync(tenant, "48");
        await RefreshAsync();

        var after = await MedianByDepartementAsync(code);
        after.GetValueOrDefault("48").ShouldBe(12.345);
        after.ContainsKey("05").ShouldBeFalse();
    }

    private Task MoveAsync(Tenant tenant, string departement) =>
        Database.ExecuteAsAdminAsync(
            """
            UPDATE tenants SET kind = 'ca', departement_code = @departement, departement_name = NULL,
                   population = 1000, population_vintage = 2026
            WHERE id = @id
            """,
            ("departement", departement), ("id", tenant.Id));

    /// <summary>The départements the map gives a median, with that median.</summary>
    private async Task<Dictionary<string, double>> MedianByDepartementAsync(string code)
    {
        var (status, page) = await Html.GetAsync(fixture.Factory.CreateClient(), $"/comparaisons/carte?indicateur={code}&fin=2023&par-habitant=1");
        status.ShouldBe(200);
        return page.QuerySelectorAll("figure.map-chart .map-area")
            .Where(a => a.GetAttribute("data-median") is { Length: > 0 })
            .ToDictionary(a => a.GetAttribute("data-code")!, Median);
    }

    private static double Median(IElement area) =>
        double.Parse(area.GetAttribute("data-median")!, CultureInfo.InvariantCulture);

    private async Task RefreshAsync() =>
        await fixture.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
}
