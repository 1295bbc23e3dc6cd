using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Indicators;

/// <summary>
/// Indicator values: derived from the published fiche, divided by the official population,
/// summarised by quartiles per peer group, and visible only to whom their visibility allows —
/// checked in the database (row-level security), in the aggregates and through the comparison
/// queries.
/// </summary>
public sealed class IndicatorDataTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Publish_FicheWithBudgetFiguresAndStaff_DerivesOneValuePerIndicatorAndYear()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());

        await database.SaveAndPublishAsync(tenant, BudgetFiche(
            lines: [(270_000m, 2023, BudgetNature.FondsSubventions), (72_000m, 2023, BudgetNature.ConventionsPartenariat),
                    (50_000m, 2023, BudgetNature.Fonctionnement), (30_000m, 2023, BudgetNature.Fonctionnement),
                    (10_000m, 2022, BudgetNature.Investissement)],
            staffFte: 2.5m,
            employees: 8049));

        var values = await ValuesAsync(tenant);
        values.ShouldBe(new Dictionary<(string, int), decimal>
        {
            [("budget_total", 2022)] = 10_000m,
            [("budget_total", 2023)] = 422_000m,
            [("budget_grants", 2023)] = 270_000m,
            [("budget_partnerships", 2023)] = 72_000m,
            [("budget_operating", 2023)] = 80_000m,
            [("budget_investment", 2022)] = 10_000m,
            [("staff_fte", 2023)] = 2.5m,
            [("ess_employees", 2019)] = 8049m,
        }, ignoreOrder: true);
        (await database.QueryAsAdminAsync<string>(
            "SELECT source_title FROM indicator_values WHERE tenant_id = @t AND indicator_code = 'ess_employees'", ("t", tenant.Id)))
            .ShouldBe("Connaître l’ESS, CRESS, 2021");
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM indicator_values WHERE tenant_id = @t AND (visibility <> 'public' OR origin <> 'fiche')", ("t", tenant.Id)))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Publish_LineRemovedAndManualValueOverlapping_FicheValueWinsAndStaleValueGoes()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, BudgetFiche(lines: [(100m, 2022, BudgetNature.Autre), (200m, 2023, BudgetNature.Autre)]));
        await database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = "budget_operating", Year = 2024, Value = 5m, Visibility = ValueVisibility.Private,
                Origin = ValueOrigin.Manual, SourceTitle = "Compte administratif", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

        await database.SaveAndPublishAsync(tenant, BudgetFiche(lines: [(300m, 2024, BudgetNature.Fonctionnement)]));

        var values = await ValuesAsync(tenant);
        values.ShouldBe(new Dictionary<(string, int), decimal>
        {
            [("budget_total", 2024)] = 300m,
            [("budget_operating", 2024)] = 300m,
        }, ignoreOrder: true);
        (await database.QueryAsAdminAsync<string>(
            "SELECT visibility || '/' || origin FROM indicator_values WHERE tenant_id = @t AND indicator_code = 'budget_operating'",
            ("t", tenant.Id))).ShouldBe("public/fiche");
    }

    [Fact]
    public async Task Publish_FigureTheTableCannotHold_PublishesTheFicheWithoutIt()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());

        var version = await database.SaveAndPublishAsync(tenant, BudgetFiche(lines: [(500m, 1985, BudgetNature.Autre), (700m, 2020, BudgetNature.Autre)]));

        version.Number.ShouldBe(1);
        (await ValuesAsync(tenant)).ShouldBe(new Dictionary<(string, int), decimal> { [("budget_total", 2020)] = 700m }, ignoreOrder: true);
    }

    [Fact]
    public async Task CompareAsync_PerInhabitant_DividesByTheOfficialPopulation()
    {
        var strasbourg = await database.CreateTenantAsync("246700488");
        await database.SaveAndPublishAsync(strasbourg, BudgetFiche(lines: [(1_000_000m, 2012, BudgetNature.Autre)]));
        await RefreshAsync();

        var result = await CompareAsync(new ComparisonQuery("budget_total", ComparisonWindow.SingleYear(2012), PerCapita: true, PeerGroup.OfKind(TenantKind.Metropole)));

        var row = result.Rows.ShouldHaveSingleItem();
        row.Member.Population.ShouldBe(strasbourg.Population);
        row.Metric.ShouldBe(1_000_000d / strasbourg.Population!.Value, 1e-9);
        Math.Round(row.Metric, 2).ShouldBe(1.91); // 1 000 000 € / 522 670 inhabitants (2026 vintage of the reference data)
        row.Member.PopulationVintage.ShouldBe(strasbourg.PopulationVintage);
        result.Distribution.ShouldNotBeNull().Median.ShouldBe(row.Metric, 1e-9);
    }

    [Fact]
    public async Task Aggregates_FourValues_QuartilesInterpolateLinearly()
    {
        var code = await NewIndicatorAsync();
        foreach (var value in new[] { 10m, 20m, 30m, 40m })
        {
            await SetValueAsync(await database.CreateTenantAsync(TestSirens.Next()), code, 2020, value, ValueVisibility.Public);
        }

        await RefreshAsync();

        var all = await AggregateAsync(code, 2020, "public", "all", "");
        (all.Count, all.Min, all.Q1, all.Median, all.Q3, all.Max, all.Total).ShouldBe((4, 10d, 17.5d, 25d, 32.5d, 40d, (double?)100d));
        var viaQuery = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2020), PerCapita: false, PeerGroup.All));
        viaQuery.Distribution.ShouldBe(all);
        viaQuery.Rows.Select(r => (r.Rank, r.Value)).ShouldBe([(1, 40m), (2, 30m), (3, 20m), (4, 10m)]);
    }

    [Fact]
    public async Task Aggregates_PeerGroups_HoldExactlyTheirMembers()
    {
        var code = await NewIndicatorAsync();
        var cc = await database.CreateTenantAsync(TestSirens.Next());
        var mulhouse = await database.CreateTenantAsync("200066009");  // CA, Grand Est (44), 276 825 inhabitants
        var reims = await database.CreateTenantAsync("200067213");     // CU, Grand Est
        await SetValueAsync(cc, code, 2021, 1m, ValueVisibility.Public);
        await SetValueAsync(mulhouse, code, 2021, 2m, ValueVisibility.Public);
        await SetValueAsync(reims, code, 2021, 4m, ValueVisibility.Public);
        await RefreshAsync();

        (await AggregateAsync(code, 2021, "public", "kind", "ca")).Count.ShouldBe(1);
        (await AggregateAsync(code, 2021, "public", "kind_region", "cu|44")).Median.ShouldBe(4d);
        (await AggregateAsync(code, 2021, "public", "kind_band", "ca|250k-500k")).Median.ShouldBe(2d);
        var grandEst = await AggregateAsync(code, 2021, "public", "region", "44");
        grandEst.Count.ShouldBe(cc.RegionCode == "44" ? 3 : 2);

        var kindGroup = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2021), false, PeerGroup.OfKind(TenantKind.CommunauteAgglomeration), FocusTenantId: mulhouse.Id));
        kindGroup.Rows.Select(r => r.Member.TenantId).ShouldBe([mulhouse.Id]);
        kindGroup.Focus.ShouldNotBeNull().Rank.ShouldBe(1);
        var list = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2021), false, PeerGroup.OfMembers([cc.Id, reims.Id])));
        list.Rows.Select(r => r.Member.TenantId).ShouldBe([reims.Id, cc.Id]);
        list.Distribution.ShouldNotBeNull().Median.ShouldBe(2.5d);
    }

    [Fact]
    public async Task CompareAsync_MemberWithoutTheYear_ShownWithItsLatestEarlierValueAndNotRanked()
    {
        var code = await NewIndicatorAsync();
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var b = await database.CreateTenantAsync(TestSirens.Next());
        var c = await database.CreateTenantAsync(TestSirens.Next());
        await SetValueAsync(a, code, 2022, 7m, ValueVisibility.Public);
        await SetValueAsync(b, code, 2019, 3m, ValueVisibility.Public);
        await SetValueAsync(b, code, 2024, 9m, ValueVisibility.Public);
        await RefreshAsync();

        var result = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2022), false, PeerGroup.OfMembers([a.Id, b.Id, c.Id]), FocusTenantId: b.Id));

        result.Rows.Select(r => r.Member.TenantId).ShouldBe([a.Id]);
        result.Focus.ShouldBeNull();
        // The most recent value before the window (a later value is never shown for an end year).
        result.FocusMissing.ShouldNotBeNull().NearestYear.ShouldBe(2019);
        var missing = result.Missing.ToDictionary(m => m.Member.TenantId);
        missing[b.Id].NearestValue.ShouldBe(3m);
        result.MissingCount.ShouldBe(2);
        missing[c.Id].NearestYear.ShouldBeNull();
        result.Distribution.ShouldNotBeNull().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Visibility_NetworkAndPrivateValues_SeenOnlyByWhomTheyAllow()
    {
        var code = await NewIndicatorAsync();
        var owner = await database.CreateTenantAsync(TestSirens.Next());
        var other = await database.CreateTenantAsync(TestSirens.Next());
        await SetValueAsync(owner, code, 2023, 100m, ValueVisibility.Public);
        await SetValueAsync(other, code, 2023, 200m, ValueVisibility.Network);
        await SetValueAsync(owner, code, 2024, 300m, ValueVisibility.Private);
        var ownerMember = await UserAsync(owner);
        var otherMember = await UserAsync(other);
        var outsider = await UserAsync(null);
        await RefreshAsync();

        // The database itself: the application role with no tenant and no user sees public values only.
        (await database.QueryAsAppAsync<long>("SELECT count(*) FROM indicator_values WHERE indicator_code = @c", ("c", code))).ShouldBe(1);
        (await CountAsUserAsync(code, otherMember)).ShouldBe(2);
        (await CountAsUserAsync(code, ownerMember)).ShouldBe(3);
        (await CountAsUserAsync(code, outsider)).ShouldBe(1);

        var anonymous = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2023), false, PeerGroup.All));
        anonymous.Rows.Select(r => r.Value).ShouldBe([100m]);
        anonymous.Distribution.ShouldNotBeNull().Count.ShouldBe(1);
        var member = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2023), false, PeerGroup.All), otherMember);
        member.Rows.Select(r => r.Value).ShouldBe([200m, 100m]);
        member.Distribution.ShouldNotBeNull().Count.ShouldBe(2);

        var ownPrivate = await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2024), false, PeerGroup.All), ownerMember);
        ownPrivate.Rows.ShouldBeEmpty();
        ownPrivate.OwnPrivateRows.Select(r => r.Value).ShouldBe([300m]);
        (await CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(2024), false, PeerGroup.All), otherMember)).OwnPrivateRows.ShouldBeEmpty();

        // Private values are never counted; the public aggregates hold public values only.
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM indicator_aggregates WHERE indicator_code = @c AND year = 2024", ("c", code))).ShouldBe(0);
        (await AggregateAsync(code, 2023, "public", "all", "")).Count.ShouldBe(1);
        (await AggregateAsync(code, 2023, "network", "all", "")).Count.ShouldBe(2);
        (await database.QueryAsAppAsync<long>(
            "SELECT count(*) FROM indicator_aggregates WHERE indicator_code = @c AND audience = 'network'", ("c", code))).ShouldBe(0);
    }

    [Fact]
    public async Task Queue_TenantSuspended_AggregatesNoLongerCountIt()
    {
        var code = await NewIndicatorAsync();
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var b = await database.CreateTenantAsync(TestSirens.Next());
        await SetValueAsync(a, code, 2020, 1m, ValueVisibility.Public);
        await SetValueAsync(b, code, 2020, 3m, ValueVisibility.Public);
        await RefreshAsync();
        (await AggregateAsync(code, 2020, "public", "all", "")).Count.ShouldBe(2);

        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", b.Id));
        await RefreshAsync();

        (await AggregateAsync(code, 2020, "public", "all", "")).Median.ShouldBe(1d);
    }

    private static FicheContent BudgetFiche(
        IReadOnlyList<(decimal Amount, int Year, BudgetNature Nature)> lines, decimal? staffFte = null, decimal? employees = null) => new()
    {
        Panorama = new PanoramaSection
        {
            Figures = employees is { } count
                ? [new KeyFigure { IndicatorCode = "ess_employees", Label = "Salariés de l’ESS", Value = count, Unit = FigureUnit.Persons, Year = 2019, SourceKey = "cress" },
                   new KeyFigure { Label = "Sans indicateur", Value = 3, Unit = FigureUnit.Count, Year = 2019 }]
                : [],
        },
        Budget = new BudgetSection
        {
            Lines = [.. lines.Select(l => new BudgetLine { Label = l.Nature.ToString(), Amount = l.Amount, Year = l.Year, Nature = l.Nature })],
            Staff = staffFte is { } fte ? new StaffFigure { Fte = fte, Year = 2023 } : null,
        },
        Sources = [new Source { Key = "cress", Title = "Connaître l’ESS", Publisher = "CRESS", Year = 2021 }],
    };

    private async Task<Dictionary<(string, int), decimal>> ValuesAsync(Tenant tenant)
    {
        var values = new Dictionary<(string, int), decimal>();
        await database.RunAsTenantAsync(tenant, async db =>
        {
            foreach (var v in await db.IndicatorValues.ToListAsync())
            {
                values[(v.IndicatorCode, v.Year)] = v.Value;
            }
        });
        return values;
    }

    private async Task<string> NewIndicatorAsync()
    {
        var code = "test_" + Guid.NewGuid().ToString("N")[..10];
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO indicators (code, label_fr, label_en, unit, definition, category, per_capita_base, default_visibility, derived_from, sort_order, updated_at)
            VALUES (@code, 'Test', 'Test', 'Count', 'Test', 'autre', 10000, 'public', 'figure', 999, now())
            """,
            ("code", code));
        return code;
    }

    private Task SetValueAsync(Tenant tenant, string code, int year, decimal value, ValueVisibility visibility) =>
        database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = code, Year = year, Value = value, Visibility = visibility,
                Origin = ValueOrigin.Manual, SourceTitle = "Test", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    private async Task RefreshAsync()
    {
        await using var services = database.CreateServices();
        await services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
    }

    private async Task<Distribution> AggregateAsync(string code, int year, string audience, string groupKind, string groupKey)
    {
        await using var connection = new NpgsqlConnection(database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT member_count, min, q1, median, q3, max, total
            FROM indicator_aggregates
            WHERE indicator_code = @c AND year = @y AND audience = @a AND group_kind = @k AND group_key = @g
            """,
            connection);
        command.Parameters.AddWithValue("c", code);
        command.Parameters.AddWithValue("y", year);
        command.Parameters.AddWithValue("a", audience);
        command.Parameters.AddWithValue("k", groupKind);
        command.Parameters.AddWithValue("g", groupKey);
        await using var reader = await command.ExecuteReaderAsync();
        reader.Read().ShouldBeTrue($"no aggregate {code} {year} {audience} {groupKind} '{groupKey}'");
        return new Distribution(reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
            reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), null);
    }

    private async Task<ComparisonResult> CompareAsync(ComparisonQuery query, Guid? userId = null)
    {
        await using var scope = database.Services.CreateAsyncScope();
        if (userId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(id);
        }

        return (await scope.ServiceProvider.GetRequiredService<ComparisonQueries>().CompareAsync(query, CancellationToken.None)).ShouldNotBeNull();
    }

    private async Task<long> CountAsUserAsync(string code, Guid userId)
    {
        await using var scope = database.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(userId);
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        return await db.IndicatorValues.IgnoreQueryFilters([RtesDbContext.TenantFilter]).LongCountAsync(v => v.IndicatorCode == code);
    }

    /// <summary>A user, member of <paramref name="tenant"/>'s team (or of none).</summary>
    private async Task<Guid> UserAsync(Tenant? tenant)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsAdminAsync(
            """
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@id, @name, upper(@name), @name, upper(@name), true, false, false, true, 0)
            """,
            ("id", id), ("name", $"{id:N}@test.example"));
        if (tenant is not null)
        {
            await database.ExecuteAsAdminAsync(
                "INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@t, @u, 'editor', now())",
                ("t", tenant.Id), ("u", id));
        }

        return id;
    }
}
