using AngleSharp;
using AngleSharp.Dom;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Search;

/// <summary>
/// The search index follows the publications: fiches written by the tests themselves, each with
/// words no other test uses, over a database of their own.
/// </summary>
public sealed class SearchPublicationTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RtesWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new RtesWebFactory(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(string Body, List<(string Slug, string Kind, string Title)> Listed, IDocument Page)> SearchAsync(string query)
    {
        using var response = await _factory.CreateClient().GetAsync(new Uri("/recherche?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(body));
        return (body, SearchPageTests.Listed(page), page);
    }

    private static FicheContent Fiche(string narrative, params SupportedAction[] actions) => new()
    {
        Programme = new ProgrammeSection { Narrative = narrative },
        Actions = actions,
    };

    [Fact]
    public async Task Highlight_IsEscaped_AndMatchedWordsAreMarked()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, Fiche("Programme ordinaire.", new SupportedAction
        {
            Title = "<script>alert(1)</script> clauses",
            Description = "Les <script>alert(2)</script> clauses <b>zorglubiennes</b> & <img src=x onerror=alert(3)> du marché.",
            Themes = ["commande-publique"],
        }));

        var (body, listed, page) = await SearchAsync("zorglubiennes clauses");

        listed.ShouldBe([(tenant.Slug, "Action", "<script>alert(1)</script> clauses")]);
        page.QuerySelectorAll("script, img, b, [onerror]").Length.ShouldBe(0);
        body.ShouldNotContain("<script>alert");
        var extract = page.QuerySelector(".search-extract")!;
        // ts_headline leaves out what the parser reads as tags; what remains is text.
        extract.Text().ShouldContain("onerror=alert(3)");
        extract.QuerySelectorAll("mark").Select(m => m.Text()).ShouldBe(["clauses", "zorglubiennes"]);
        extract.Children.All(c => c.LocalName == "mark").ShouldBeTrue();
    }

    [Fact]
    public async Task PublishingANewVersion_ReplacesTheIndexedText()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, Fiche("Une ressourcerie xylocopienne ouvre ses portes.",
            new SupportedAction { Title = "Atelier xylocopien" }));

        var (_, before, _) = await SearchAsync("xylocopienne");
        before.Select(r => (r.Slug, r.Kind)).ShouldBe([(tenant.Slug, "Fiche"), (tenant.Slug, "Action")], ignoreOrder: true);

        await database.SaveAndPublishAsync(tenant, Fiche("Une épicerie bathyscaphique ouvre ses portes."));

        (await SearchAsync("xylocopienne")).Listed.ShouldBeEmpty();
        (await SearchAsync("bathyscaphique")).Listed.ShouldBe([(tenant.Slug, "Fiche", tenant.Name)]);
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM search_documents WHERE tenant_id = @id", ("id", tenant.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task ASuspendedTenant_DisappearsFromTheResults_AndComesBackWhenReactivated()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, Fiche("Un tiers-lieu ornithorynque.", new SupportedAction { Title = "Ornithorynque solidaire" }));
        (await SearchAsync("ornithorynque")).Listed.Count.ShouldBe(2);

        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", tenant.Id));

        (await SearchAsync("ornithorynque")).Listed.ShouldBeEmpty();
        (await database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM search_documents WHERE tenant_id = @id", ("id", tenant.Id))).ShouldBe(0);

        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'active' WHERE id = @id", ("id", tenant.Id));

        (await SearchAsync("ornithorynque")).Listed.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TheApplicationRole_ReadsTheIndex_ButCannotWriteIt()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, Fiche("Texte pangolinesque."));

        (await database.QueryAsAppAsync<long>(
            "SELECT count(*) FROM search_documents WHERE tenant_id = @id", ("id", tenant.Id))).ShouldBe(1);
        var denied = await Should.ThrowAsync<Npgsql.PostgresException>(() => database.QueryAsAppAsync<long>(
            "WITH d AS (DELETE FROM search_documents WHERE tenant_id = @id RETURNING 1) SELECT count(*) FROM d", ("id", tenant.Id)));
        denied.SqlState.ShouldBe("42501");
    }
}
