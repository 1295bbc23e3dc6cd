using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

public sealed class DirectoryPaginationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task MoreThanAPage_PaginatesWithLinksKeepingFilters()
    {
        for (var i = 0; i < 23; i++)
        {
            await database.CreateTenantAsync(TestSirens.Next());
        }

        await using var factory = new RtesWebFactory(database);
        var client = factory.CreateClient();
        var (_, first) = await Html.GetAsync(client, "/collectivites?type=cc");
        var (_, second) = await Html.GetAsync(client, "/collectivites?type=cc&p=2");

        first.QuerySelector(".result-count")!.Text().ShouldBe("23 collectivités");
        first.QuerySelectorAll(".directory .card").Length.ShouldBe(20);
        second.QuerySelectorAll(".directory .card").Length.ShouldBe(3);
        var next = first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!;
        next.ShouldContain("type=cc");
        next.ShouldContain("p=2");
        second.QuerySelector(".pagination a[aria-current=page]")!.Text().ShouldBe("Page 2");
        var firstNames = first.QuerySelectorAll(".card-title a").Select(a => a.Text());
        second.QuerySelectorAll(".card-title a").Select(a => a.Text()).ShouldAllBe(n => !firstNames.Contains(n));
    }
}
