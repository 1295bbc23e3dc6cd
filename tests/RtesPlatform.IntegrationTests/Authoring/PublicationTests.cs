using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Authoring;

public sealed class PublicationTests(BackOffice site) : IClassFixture<BackOffice>
{
    [Fact]
    public async Task Publish_CreatesANewVersion_AndThePublicPageShowsIt()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Budget = new BudgetSection { Narrative = "Première version." } });
        var client = site.Client("Claire Publie");
        await DraftEditingTests.AddBudgetLineAsync(client, tenant.Slug, "Fonds de confiance ESS", "45 000", "2025");
        var (_, dashboard) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}");
        dashboard.QuerySelector("#etat-brouillon")!.Text().ShouldContain("modifications non publiées");

        var (_, summary) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/publier");
        var (status, after) = await Forms.SubmitAsync(client, summary, summary.Button("Confirmer la publication"));

        status.ShouldBe(200);
        after.QuerySelector("[role=status]")!.Text().ShouldContain("La version 2 est publiée");
        after.QuerySelector("#derniere-publication")!.Text().ShouldContain("version 2");
        after.QuerySelector("#derniere-publication")!.Text().ShouldContain("Claire Publie");
        after.QuerySelector("#etat-brouillon")!.Text().ShouldContain("identique à la version publiée");
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(2);
        (await site.CountAsync("audit_events", tenant, "action = 'fiche.published' AND version = 2 AND user_name = 'Claire Publie'")).ShouldBe(1);
        var publicPage = (await Html.GetAsync(client, $"/collectivites/{tenant.Slug}")).Document;
        publicPage.QuerySelector("#budget")!.ParentElement!.Text().ShouldContain("Fonds de confiance ESS");
    }

    [Fact]
    public async Task TwoEditorsConfirmingAtOnce_NeitherFails_AndVersionsStayConsecutive()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte." } });
        await site.SaveDraftOverAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte revu." } });
        var editors = new[] { site.Client("Première Éditrice"), site.Client("Second Éditeur") };
        var summaries = await Task.WhenAll(editors.Select(e => Forms.GetAsync(e, $"/espace/{tenant.Slug}/publier")));

        var results = await Task.WhenAll(editors.Select((e, i) =>
            Forms.SubmitAsync(e, summaries[i].Document, summaries[i].Document.Button("Confirmer la publication"))));

        // The second confirmation either publishes the next version (both checked before either
        // published) or finds nothing left to publish: never an error, never a gap.
        results.Select(r => r.Status).ShouldAllBe(s => s == 200);
        var versions = await site.CountAsync("fiche_versions", tenant);
        versions.ShouldBeInRange(2, 3);
        (await site.CountAsync("audit_events", tenant, "action = 'fiche.published'")).ShouldBe(versions - 1);
        (await site.Database.QueryAsAdminAsync<int>("SELECT published_version FROM tenants WHERE id = @t", ("t", tenant.Id))).ShouldBe((int)versions);
    }

    [Fact]
    public async Task History_DiffShowsTheAddedBudgetLine_AsInsertedText()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection { Lines = [new BudgetLine { Label = "Ligne ancienne", Amount = 1000, Year = 2024, Nature = BudgetNature.Fonctionnement }] },
        });
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent
        {
            Budget = new BudgetSection
            {
                Lines =
                [
                    new BudgetLine { Label = "Ligne ancienne", Amount = 1000, Year = 2024, Nature = BudgetNature.Fonctionnement },
                    new BudgetLine { Label = "Ligne nouvelle", Amount = 2500, Year = 2025, Nature = BudgetNature.Investissement },
                ],
            },
        });

        var (status, page) = await Forms.GetAsync(site.Client(), $"/espace/{tenant.Slug}/historique?de=1&a=2");

        status.ShouldBe(200);
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
        var added = page.QuerySelectorAll(".diff-lines ins").Select(e => e.Text()).ShouldHaveSingleItem();
        added.ShouldBe("ajouté : Ligne budgétaire : Ligne nouvelle — 2 500 € (2025, investissement)");
        page.QuerySelectorAll(".diff-lines del").ShouldBeEmpty();
        page.QuerySelectorAll(".diff-lines .diff-unchanged").Select(e => e.Text()).ShouldContain(t => t.Contains("Ligne ancienne", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoreAsDraft_CopiesTheVersionIntoTheDraft()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version un." } });
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Version deux." } });
        var client = site.Client();
        var (_, history) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/historique");

        var restore = history.QuerySelectorAll("button").Single(b => b.Text() == "Restaurer comme brouillon la version 1");
        var (status, page) = await Forms.SubmitAsync(client, history, restore);

        status.ShouldBe(200);
        page.QuerySelector("[role=status]")!.Text().ShouldContain("La version 1 a été copiée dans le brouillon");
        (await site.DraftAsync(tenant))!.Content.Panorama.Narrative.ShouldBe("Version un.");
        (await site.CountAsync("audit_events", tenant, "action = 'draft.restored' AND version = 1")).ShouldBe(1);
        (await Html.GetAsync(client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text().ShouldContain("Version deux.");
    }

    [Fact]
    public async Task RestoreAsDraft_AfterAnotherSave_IsRefused()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Publiée." } });
        var client = site.Client();
        var (_, history) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/historique");
        await DraftEditingTests.AddBudgetLineAsync(site.Client("Autre Personne"), tenant.Slug, "Saisie entre-temps", "10", "2025");

        var (_, page) = await Forms.SubmitAsync(client, history, history.QuerySelectorAll("button").Single(b => b.Text() == "Restaurer comme brouillon la version 1"));

        page.QuerySelector("[role=alert]")!.Text().ShouldContain("rien n’a été restauré");
        (await site.DraftAsync(tenant))!.Content.Budget.Lines.ShouldHaveSingleItem().Label.ShouldBe("Saisie entre-temps");
    }

    [Fact]
    public async Task Publication_IsAtomic_ConcurrentReadersSeeTheOldOrTheNewVersionNeverAMix()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, Marked("ANCIENNE"));
        await site.SaveDraftOverAsync(tenant, Marked("NOUVELLE"));
        var editor = site.Client();
        var (_, dashboard) = await Forms.GetAsync(editor, $"/espace/{tenant.Slug}/publier");

        var published = new TaskCompletionSource();
        var readers = Enumerable.Range(0, 20).Select(async _ =>
        {
            var reader = site.Host.CreateClient();
            var texts = new List<(int Status, string Text)>();
            // Read before, during and after the publication, until it is over.
            while (texts.Count < 3 || !published.Task.IsCompleted)
            {
                var (status, page) = await Html.GetAsync(reader, $"/collectivites/{tenant.Slug}");
                texts.Add((status, page.Body!.Text()));
            }

            return texts;
        }).ToList();
        await Forms.SubmitAsync(editor, dashboard, dashboard.Button("Confirmer la publication"));
        published.SetResult();
        var pages = (await Task.WhenAll(readers)).SelectMany(t => t).ToList();

        pages.Count.ShouldBeGreaterThanOrEqualTo(60);
        foreach (var (status, text) in pages)
        {
            status.ShouldBe(200, text[..Math.Min(text.Length, 300)]);
            var old = Count(text, "ANCIENNE");
            var @new = Count(text, "NOUVELLE");
            (old == 0 || @new == 0).ShouldBeTrue($"a page mixes both versions: {old} old and {@new} new markers");
            (old + @new).ShouldBe(3, text[..Math.Min(text.Length, 600)]);
        }

        (await Html.GetAsync(site.Host.CreateClient(), $"/collectivites/{tenant.Slug}")).Document.Body!.Text().ShouldContain("NOUVELLE");
    }

    private static FicheContent Marked(string marker) => new()
    {
        Panorama = new PanoramaSection { Narrative = $"Panorama {marker}" },
        Budget = new BudgetSection { Lines = [new BudgetLine { Label = $"Ligne {marker}", Amount = 1, Year = 2025, Nature = BudgetNature.Autre }] },
        Programme = new ProgrammeSection { StrategyTitle = $"Stratégie {marker}" },
    };

    private static int Count(string text, string marker) =>
        (text.Length - text.Replace(marker, "", StringComparison.Ordinal).Length) / marker.Length;
}
