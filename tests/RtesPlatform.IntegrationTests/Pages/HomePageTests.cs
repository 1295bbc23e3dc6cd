namespace RtesPlatform.IntegrationTests.Pages;

public sealed class HomePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Home_ShowsNetworkFiguresAndWaysIn()
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/");

        status.ShouldBe(200);
        var figures = page.QuerySelectorAll(".key-figure").Select(f => f.Text()).ToList();
        figures.ShouldContain(f => f.StartsWith("7 collectivités membres", StringComparison.Ordinal));
        figures.ShouldContain(f => f.StartsWith("7 fiches publiées", StringComparison.Ordinal));
        page.QuerySelector("a[href='/collectivites']").ShouldNotBeNull();
        page.QuerySelectorAll(".theme-list a[href='/collectivites?theme=commande-publique']").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Home_CountsPeopleOnOverlappingTerritoriesOnce()
    {
        var (_, page) = await Html.GetAsync(site.Factory.CreateClient(), "/");

        var covered = page.QuerySelectorAll(".key-figure")
            .Single(f => f.Text().Contains("habitants", StringComparison.Ordinal))
            .QuerySelector(".figure-value")!.Text();
        var population = long.Parse(covered.Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

        // Grand Est (5.56 M) contains Strasbourg, Mulhouse, the Ardennes and Auberive; add La Rochelle
        // and Est Ensemble (about 0.63 M): well under the 7.27 M a plain sum of members would give.
        population.ShouldBeInRange(6_000_000, 6_300_000);
    }

    [Fact]
    public async Task AccessibilityStatement_IsPublished()
    {
        var (status, page) = await Html.GetAsync(site.Factory.CreateClient(), "/accessibilite");

        status.ShouldBe(200);
        page.QuerySelector("h1")!.Text().ShouldBe("Déclaration d'accessibilité");
        page.Body!.Text().ShouldContain("partiellement conforme");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AnswerHealthy(string url)
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(200);
        var body = await response.Content.ReadAsStringAsync();
        if (url == "/health/ready")
        {
            // JSON with each check; the job scheduler may still be starting (degraded, still 200).
            using var json = System.Text.Json.JsonDocument.Parse(body);
            json.RootElement.GetProperty("status").GetString().ShouldBeOneOf("Healthy", "Degraded");
        }
        else
        {
            body.ShouldBe("Healthy");
        }
    }
}
