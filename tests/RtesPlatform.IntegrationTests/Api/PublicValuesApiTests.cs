using System.Net;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Authorization;
using static RtesPlatform.IntegrationTests.Api.PublicApiData;

namespace RtesPlatform.IntegrationTests.Api;

/// <summary>
/// The indicator catalogue, public values and comparisons: only public values ever leave the API,
/// for anonymous callers and for signed-in members whose session could read more.
/// </summary>
public sealed class PublicValuesApiTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Indicator = "scop_count";

    [Fact]
    public async Task Catalogue_ListsTheIndicators_AndOneByCode()
    {
        using var client = Client(fixture);
        var list = await OkJsonAsync(client, "/api/v1/indicators");
        var codes = list.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codes.ShouldContain(Indicator);
        codes.ShouldContain("ess_share_private_jobs");

        var one = await OkJsonAsync(client, $"/api/v1/indicators/{Indicator}");
        one.GetProperty("labelEn").GetString().ShouldBe("Worker cooperatives (SCOP)");
        one.GetProperty("unit").GetString().ShouldBe("Count");
        one.GetProperty("links").GetProperty("values").GetString().ShouldBe($"/api/v1/indicators/{Indicator}/values");

        var (missing, problem) = await GetJsonAsync(client, "/api/v1/indicators/no_such_indicator");
        ShouldBeProblem(missing, problem, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", "Ressource introuvable");
    }

    [Fact]
    public async Task Values_ArePublicOnly_WithYearSourceAndUnit_EvenForASignedInMember()
    {
        const int year = 2003;
        var open = await TenantAsync(fixture);
        var network = await TenantAsync(fixture);
        var hidden = await TenantAsync(fixture);
        await AddValueAsync(fixture, open, Indicator, year, 11, ValueVisibility.Public, "Source publique");
        await AddValueAsync(fixture, open, Indicator, year + 1, 12, ValueVisibility.Public);
        await AddValueAsync(fixture, network, Indicator, year, 21, ValueVisibility.Network);
        await AddValueAsync(fixture, hidden, Indicator, year, 31, ValueVisibility.Private);

        using var anonymous = Client(fixture);
        using var member = await new MatrixAccounts(fixture).SignedInMemberAsync(network, TenantRole.Editor);
        using var owner = await new MatrixAccounts(fixture).SignedInMemberAsync(hidden, TenantRole.Editor);
        foreach (var client in new[] { anonymous, member.Http, owner.Http })
        {
            var json = await OkJsonAsync(client, $"/api/v1/indicators/{Indicator}/values?year={year}&pageSize=100");
            var items = json.GetProperty("items");
            Slugs(items, "tenant").ShouldBe([open.Slug]);
            var value = items[0];
            value.GetProperty("year").GetInt32().ShouldBe(year);
            value.GetProperty("value").GetDecimal().ShouldBe(11m);
            value.GetProperty("unit").GetString().ShouldBe("Count");
            value.GetProperty("source").GetProperty("title").GetString().ShouldBe("Source publique");
            json.GetRawText().ShouldNotContain(network.Slug);
            json.GetRawText().ShouldNotContain(hidden.Slug);
        }

        var allYears = await OkJsonAsync(anonymous, $"/api/v1/indicators/{Indicator}/values?kind=cc&region={open.RegionCode}&pageSize=100");
        allYears.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("tenant").GetProperty("slug").GetString() == open.Slug)
            .Select(i => i.GetProperty("year").GetInt32()).ShouldBe([year, year + 1]);
    }

    [Fact]
    public async Task Comparison_RanksPublicValuesWithTheirDistribution_ForEveryCaller()
    {
        const int year = 2005;
        var low = await TenantAsync(fixture);
        var high = await TenantAsync(fixture);
        var network = await TenantAsync(fixture);
        var hidden = await TenantAsync(fixture);
        await AddValueAsync(fixture, low, Indicator, year, 5, ValueVisibility.Public);
        await AddValueAsync(fixture, high, Indicator, year, 50, ValueVisibility.Public);
        await AddValueAsync(fixture, network, Indicator, year, 500, ValueVisibility.Network);
        await AddValueAsync(fixture, hidden, Indicator, year, 5000, ValueVisibility.Private);
        await RefreshAggregatesAsync(fixture);

        using var anonymous = Client(fixture);
        using var member = await new MatrixAccounts(fixture).SignedInMemberAsync(network, TenantRole.Editor);
        foreach (var client in new[] { anonymous, member.Http })
        {
            var json = await OkJsonAsync(client, $"/api/v1/comparisons/{Indicator}?year={year}");
            json.GetProperty("year").GetInt32().ShouldBe(year);
            var items = json.GetProperty("items");
            Slugs(items, "tenant").ShouldBe([high.Slug, low.Slug]);
            items[0].GetProperty("rank").GetInt32().ShouldBe(1);
            items[0].GetProperty("value").GetDecimal().ShouldBe(50m);
            var distribution = json.GetProperty("distribution");
            distribution.GetProperty("count").GetInt32().ShouldBe(2);
            distribution.GetProperty("max").GetDouble().ShouldBe(50d);
            distribution.GetProperty("median").GetDouble().ShouldBe(27.5d);
            json.GetProperty("years").EnumerateArray().ShouldContain(y => y.GetProperty("year").GetInt32() == year && y.GetProperty("members").GetInt32() == 2);
            // Members without a public value may be listed as missing, never with the value the public may not see.
            foreach (var missing in json.GetProperty("missing").EnumerateArray()
                .Where(m => m.GetProperty("tenant").GetProperty("slug").GetString() is { } slug && (slug == network.Slug || slug == hidden.Slug)))
            {
                missing.GetProperty("nearestValue").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            }
        }

        var list = await OkJsonAsync(anonymous, $"/api/v1/comparisons/{Indicator}?year={year}&group=list&members={low.Slug},{network.Slug}");
        Slugs(list.GetProperty("items"), "tenant").ShouldBe([low.Slug]);
        list.GetProperty("distribution").GetProperty("count").GetInt32().ShouldBe(1);
        Slugs(list.GetProperty("missing"), "tenant").ShouldBe([network.Slug]);
        list.GetProperty("missing")[0].GetProperty("nearestValue").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        var byKind = await OkJsonAsync(anonymous, $"/api/v1/comparisons/{Indicator}?year={year}&group=kind-region&kind=cc&region={low.RegionCode}");
        Slugs(byKind.GetProperty("items"), "tenant").ShouldContain(low.Slug);
        byKind.GetProperty("group").GetProperty("group").GetString().ShouldBe("kind-region");
    }

    [Theory]
    [InlineData("/api/v1/comparisons/scop_count?group=kind-region&kind=cc", "region")]
    [InlineData("/api/v1/comparisons/scop_count?group=everyone", "group")]
    [InlineData("/api/v1/comparisons/scop_count?group=list&members=nobody-here", "members")]
    [InlineData("/api/v1/comparisons/ess_share_private_jobs?perCapita=true", "perCapita")]
    [InlineData("/api/v1/comparisons/scop_count?band=huge", "band")]
    [InlineData("/api/v1/indicators/scop_count/values?year=-5", "year")]
    [InlineData("/api/v1/indicators/scop_count/values?kind=village", "kind")]
    public async Task BadQueryValues_Answer400WithTheParameterInErrors(string url, string parameter)
    {
        using var client = Client(fixture);
        var (response, json) = await GetJsonAsync(client, url);
        ShouldBeProblem(response, json, HttpStatusCode.BadRequest, "urn:rtes:problem:validation", "Paramètres non valides");
        json.GetProperty("errors").GetProperty(parameter).GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Comparison_OfAnUnknownIndicator_Answers404()
    {
        using var client = Client(fixture);
        var (response, json) = await GetJsonAsync(client, "/api/v1/comparisons/no_such_indicator?year=2020");
        ShouldBeProblem(response, json, HttpStatusCode.NotFound, "urn:rtes:problem:not-found", "Ressource introuvable");
    }
}
