using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Caching;

namespace RtesPlatform.IntegrationTests.Caching;

/// <summary><c>OutputCaching:Enabled=false</c> (and the "Testing" environment's default): no cache, no listener.</summary>
public sealed class CachingOffTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task CachingOff_PagesAreRenderedEachTime_AndNothingListens(string? enabled)
    {
        await using var factory = new RtesWebFactory(database);
        await using var host = enabled is null ? factory : factory.WithWebHostBuilder(b => b.UseSetting("OutputCaching:Enabled", enabled));
        using var client = host.CreateClient();

        using var first = await client.GetAsync(new Uri("/collectivites", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/collectivites", UriKind.Relative));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Age.ShouldBeNull();
        host.Services.GetService<PublicCacheState>().ShouldBeNull();
    }

    [Theory]
    [InlineData("/", CacheArea.PublicPage)]
    [InlineData("/collectivites/ca-la-rochelle", CacheArea.PublicPage)]
    [InlineData("/Comparaisons/Groupes", CacheArea.PublicPage)]
    [InlineData("/recherche", CacheArea.PublicPage)]
    [InlineData("/donnees-ouvertes", CacheArea.PublicPage)]
    [InlineData("/donnees-ouvertes/valeurs.csv", CacheArea.OpenDataFile)]
    [InlineData("/api/v1/tenants/ca-la-rochelle", CacheArea.PublicApi)]
    [InlineData("/api/v1/workspace/ca-la-rochelle/fiche", CacheArea.Private)]
    [InlineData("/API/V1/Auth/token", CacheArea.Private)]
    [InlineData("/espace/ca-la-rochelle", CacheArea.Private)]
    [InlineData("/reseau", CacheArea.Private)]
    [InlineData("/compte/connexion", CacheArea.Private)]
    [InlineData("/accessibilite", CacheArea.None)]
    [InlineData("/health/ready", CacheArea.None)]
    [InlineData("/css/site.css", CacheArea.None)]
    [InlineData("/espaces-verts", CacheArea.None)]
    public void Paths_AreSortedByArea(string path, CacheArea expected) =>
        CachePaths.Classify(path).ShouldBe(expected);
}
