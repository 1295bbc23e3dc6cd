using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>
/// Who sees which value, through real sign-in: a network-only value is hidden from the public and
/// shown to members; a private value is shown to its own tenant's members only, never ranked and
/// never exported.
/// </summary>
public sealed class ComparisonVisibilityTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Indicator = "esus_count";
    private const int Year = 2001;
    private const string Page = "/comparaisons?indicateur=esus_count&annee=2001";
    private const string Export = "/comparaisons/export.csv?indicateur=esus_count&annee=2001";

    private readonly MatrixAccounts _accounts = new(fixture);

    private async Task<(Tenant Public, Tenant Network, Tenant Private)> SeedAsync()
    {
        var tenants = new[]
        {
            await fixture.Database.CreateTenantAsync(TestSirens.Next()),
            await fixture.Database.CreateTenantAsync(TestSirens.Next()),
            await fixture.Database.CreateTenantAsync(TestSirens.Next()),
        };
        var visibilities = new[] { ValueVisibility.Public, ValueVisibility.Network, ValueVisibility.Private };
        for (var i = 0; i < tenants.Length; i++)
        {
            var (tenant, visibility) = (tenants[i], visibilities[i]);
            await fixture.Database.RunAsTenantAsync(tenant, async db =>
            {
                db.IndicatorValues.Add(new IndicatorValue
                {
                    TenantId = tenant.Id, IndicatorCode = Indicator, Year = Year, Value = 10 + i, Visibility = visibility,
                    Origin = ValueOrigin.Manual, SourceTitle = "Rapport " + i, UpdatedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
            });
        }

        await fixture.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);
        return (tenants[0], tenants[1], tenants[2]);
    }

    private static async Task<(List<string?> Ranked, List<string?> Private, string Csv)> ViewAsync(AccountClient client)
    {
        var (status, page) = await client.GetAsync(Page);
        status.ShouldBe(HttpStatusCode.OK);
        using var export = await client.Http.GetAsync(new Uri(Export, UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (
            [.. page.QuerySelectorAll("table.comparison-table tbody tr").Select(r => r.GetAttribute("data-slug"))],
            [.. page.QuerySelectorAll(".private-values .private-value").Select(li => (string?)(li.GetAttribute("data-slug") + " " + li.Text()))],
            await export.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EachViewer_SeesOnlyTheValuesItMaySee_InThePageAndTheExport()
    {
        var (open, network, hidden) = await SeedAsync();

        var anonymous = await ViewAsync(fixture.CreateClient());
        anonymous.Ranked.ShouldBe([open.Slug]);
        anonymous.Private.ShouldBeEmpty();
        anonymous.Csv.ShouldNotContain(network.Slug);
        anonymous.Csv.ShouldNotContain(hidden.Slug);

        using var memberOfNetwork = await _accounts.SignedInMemberAsync(network, TenantRole.Editor);
        var member = await ViewAsync(memberOfNetwork);
        member.Ranked.ShouldBe([network.Slug, open.Slug]);
        member.Private.ShouldBeEmpty();
        member.Csv.ShouldContain($"\"{network.Slug}\"");
        member.Csv.ShouldContain(",\"network\",\"manual\"\r\n");
        member.Csv.ShouldNotContain(hidden.Slug);
        var (_, memberPage) = await memberOfNetwork.GetAsync(Page);
        memberPage.QuerySelector($"tr[data-slug='{network.Slug}'] .badge-network")!.Text().ShouldBe("Réseau");

        using var owner = await _accounts.SignedInMemberAsync(hidden, TenantRole.Editor);
        var own = await ViewAsync(owner);
        own.Ranked.ShouldBe([network.Slug, open.Slug]);
        own.Private.ShouldHaveSingleItem().ShouldStartWith(hidden.Slug);
        own.Private[0]!.ShouldContain("visible par votre collectivité seulement");
        own.Csv.ShouldNotContain(hidden.Slug);
    }
}
