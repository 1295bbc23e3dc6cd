using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>Fiches written by the tests themselves: unsafe Markdown, consent, suspension, publication.</summary>
public sealed class PublicFicheTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private RtesWebFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new RtesWebFactory(database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task UnsafeMarkdown_ComesOutInert()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Panorama = new PanoramaSection
            {
                Narrative = """
                    Texte <script>alert('xss')</script> et <img src=x onerror="alert(1)"> <!-- commentaire -->

                    [piège](javascript:alert(1)) [données](data:text/html;base64,PHNjcmlwdD4=) [site](https://www.rtes.fr) [écrire](mailto:contact@rtes.fr)

                    <iframe src="https://evil.example"></iframe> ![image](https://tracker.example/p.png)
                    """,
            },
        });

        var (_, page) = await Html.GetAsync(_factory.CreateClient(), $"/collectivites/{tenant.Slug}");
        var panorama = page.QuerySelector("#panorama")!.ParentElement!;

        panorama.QuerySelectorAll("script, iframe, img").Length.ShouldBe(0);
        panorama.QuerySelectorAll("[onerror]").Length.ShouldBe(0);
        panorama.InnerHtml.ShouldNotContain("<!--");
        var hrefs = panorama.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => h.Length > 0).ToList();
        hrefs.ShouldBe(["https://www.rtes.fr", "mailto:contact@rtes.fr", "https://tracker.example/p.png"], ignoreOrder: true);
        panorama.Text().ShouldContain("<script>alert('xss')</script>");
    }

    [Fact]
    public async Task Contacts_AreShownOnlyWithConsent()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Contacts =
            [
                new Contact { Role = ContactRole.ElectedRepresentative, Name = "Camille Publiée", Title = "Vice-présidente", Consent = ContactConsent.Given },
                new Contact { Role = ContactRole.Officer, Name = "Dominique Privé", Title = "Chargé de mission ESS", Consent = ContactConsent.Unknown },
            ],
        });

        var (_, page) = await Html.GetAsync(_factory.CreateClient(), $"/collectivites/{tenant.Slug}");
        var text = page.Body!.Text();

        text.ShouldContain("Camille Publiée");
        text.ShouldNotContain("Dominique Privé");
    }

    [Fact]
    public async Task Publication_SwitchesThePublicPageToTheNewVersion()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Première version." } });
        var client = _factory.CreateClient();
        (await Html.GetAsync(client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text().ShouldContain("Première version.");

        await database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Deuxième version." } });

        var text = (await Html.GetAsync(client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text();
        text.ShouldContain("Deuxième version.");
        text.ShouldNotContain("Première version.");
    }

    [Fact]
    public async Task UnpublishedTenant_ShowsIdentityAndDraftInProgress_NotTheDraft()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.RunAsTenantAsync(tenant, async db =>
        {
            db.FicheDrafts.Add(new FicheDraft { Content = new FicheContent { Panorama = new PanoramaSection { Narrative = "Brouillon secret." } }, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        });

        var (status, page) = await Html.GetAsync(_factory.CreateClient(), $"/collectivites/{tenant.Slug}");

        status.ShouldBe(200);
        page.Body!.Text().ShouldContain("Fiche en cours de rédaction");
        page.Body!.Text().ShouldNotContain("Brouillon secret.");
    }

    [Fact]
    public async Task SuspendedTenant_Returns404()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @id", ("id", tenant.Id));

        var (status, page) = await Html.GetAsync(_factory.CreateClient(), $"/collectivites/{tenant.Slug}");

        status.ShouldBe(404);
        page.QuerySelector("h1")!.Text().ShouldBe("Page introuvable");
    }
}
