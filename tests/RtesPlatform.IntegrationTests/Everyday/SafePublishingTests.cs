using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Everyday;

/// <summary>Issue 15, items 3 and 4: the preview's status and highlights, publishing in two steps, the fiche as series.</summary>
public sealed class SafePublishingTests(BackOffice site) : IClassFixture<BackOffice>
{
    private static FicheContent Fiche(params (string Label, decimal Value, int Year)[] figures) => new()
    {
        Panorama = new PanoramaSection
        {
            Narrative = "Panorama.",
            Figures = [.. figures.Select(f => new KeyFigure { Label = f.Label, Value = f.Value, Unit = FigureUnit.Persons, Year = f.Year })],
        },
    };

    [Fact]
    public async Task DraftEqualToThePublishedVersion_PublishIsDisabledWithTheReason_AndPostingPublishesNothing()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, Fiche(("Salariés de l’ESS", 8049, 2021)));
        var client = site.Client();

        var (_, dashboard) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}");
        var (_, preview) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/apercu");
        var (_, summary) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/publier");

        foreach (var page in new[] { dashboard, preview, summary })
        {
            var button = page.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Publier");
            button.HasAttribute("disabled").ShouldBeTrue();
            page.GetElementById(button.GetAttribute("aria-describedby")!)!.Text()
                .ShouldBe("Rien à publier : le brouillon est identique à la version publiée.");
        }

        preview.QuerySelector("#statut-apercu")!.Text().ShouldBe("identique à la version publiée");
        summary.QuerySelectorAll("button").ShouldNotContain(b => b.TextContent.Contains("Confirmer", StringComparison.Ordinal));
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/budget");
        using var forced = await client.PostAsync(new Uri($"/espace/{tenant.Slug}/publier", UriKind.Relative),
            new FormUrlEncodedContent([new("revision", "2"), new("__RequestVerificationToken", form.Value("__RequestVerificationToken"))]));
        forced.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task ChangedFigure_IsHighlightedInThePreview_AndListedInTheSummaryBeforeConfirming()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, Fiche(("Salariés de l’ESS", 8049, 2021), ("Établissements employeurs", 649, 2021)));
        await site.SaveDraftOverAsync(tenant, Fiche(("Salariés de l’ESS", 8049, 2021), ("Salariés de l’ESS", 8311, 2023), ("Établissements employeurs", 649, 2021)));
        var client = site.Client("Claire Publie");

        var (_, preview) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/apercu");

        preview.QuerySelector("#statut-apercu")!.Text().ShouldBe("brouillon — pas encore publié");
        var changed = preview.QuerySelectorAll(".key-figure.figure-changed").ShouldHaveSingleItem();
        changed.QuerySelector(".figure-label")!.Text().ShouldBe("Salariés de l’ESS");
        changed.QuerySelector(".change-badge")!.Text().ShouldBe("modifié");
        preview.QuerySelectorAll(".key-figure").Length.ShouldBe(2, "two series, not three tiles");
        preview.QuerySelector("section.section-changed #panorama").ShouldNotBeNull();
        preview.QuerySelector(".preview-changes ins")!.Text().ShouldContain("Salariés de l’ESS = 8 311 personnes (2023)");

        var (_, summary) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/publier");
        summary.QuerySelector("#resume")!.Text().ShouldBe("Résumé des changements : 1 rubrique modifiée");
        summary.QuerySelector(".section-changes h3")!.Text().ShouldBe("Panorama de l’ESS (1 ajout)");
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(1, "showing the summary publishes nothing");

        var (status, after) = await Forms.SubmitAsync(client, summary, summary.Button("Confirmer la publication"));

        status.ShouldBe(200);
        var notice = after.QuerySelector("[role=status]")!;
        notice.Text().ShouldContain("La version 2 est publiée");
        notice.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/collectivites/{tenant.Slug}");
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(2);
    }

    [Fact]
    public async Task DraftChangedAfterTheSummary_IsNotPublished_AndTheSummaryIsShownAgain()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, Fiche(("Salariés de l’ESS", 8049, 2021)));
        await site.SaveDraftOverAsync(tenant, Fiche(("Salariés de l’ESS", 8311, 2023)));
        var client = site.Client();
        var (_, summary) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/publier");
        await site.SaveDraftOverAsync(tenant, Fiche(("Salariés de l’ESS", 9000, 2024)));

        var (_, again) = await Forms.SubmitAsync(client, summary, summary.Button("Confirmer la publication"));

        again.QuerySelector("[role=alert]")!.Text().ShouldContain("rien n’a été publié");
        again.QuerySelector(".section-changes")!.Text().ShouldContain("9 000");
        (await site.CountAsync("fiche_versions", tenant)).ShouldBe(1);
    }

    [Fact]
    public async Task PublicFiche_GroupsASeries_LatestValueFirst_EarlierYearsInATable_AndStatesTheAgeOfTheData()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, Fiche(
            ("Salariés de l’ESS", 7900, 2021), ("Salariés de l’ESS", 8049, 2022), ("salariés de l’ESS ", 8311, 2024), ("Salariés de l’ESS", 8200, 2023),
            ("Établissements employeurs", 649, 2011)));

        var (_, page) = await Html.GetAsync(site.Client(), $"/collectivites/{tenant.Slug}");

        var tiles = page.QuerySelectorAll(".key-figure");
        tiles.Length.ShouldBe(2);
        tiles[0].QuerySelector(".figure-value")!.Text().ShouldBe("8 311 personnes");
        tiles[0].QuerySelector(".figure-meta")!.Text().ShouldStartWith("2024");
        tiles[0].QuerySelectorAll(".figure-history tbody tr").Select(r => string.Join(" ", r.Children.Select(c => c.Text()))).ShouldBe(["2023 8 200 personnes", "2022 8 049 personnes", "2021 7 900 personnes"]);
        tiles[0].QuerySelector(".figure-history caption")!.Text().ShouldBe("Années précédentes : salariés de l’ESS");
        tiles[1].QuerySelector(".figure-history").ShouldBeNull();
        page.QuerySelector("#age-donnees")!.Text().ShouldBe("Chiffres : données de 2011 à 2024");
        page.QuerySelector(".fiche-header .meta")!.Text().ShouldStartWith("Fiche mise à jour le ");
    }

    [Fact]
    public async Task NewCollectivity_ShowsFicheEnCoursDeRedaction_UntilItsFirstPublication()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, Fiche(("Salariés de l’ESS", 100, 2025)));

        var (_, page) = await Html.GetAsync(site.Client(), $"/collectivites/{tenant.Slug}");
        var (_, preview) = await Forms.GetAsync(site.Client(), $"/espace/{tenant.Slug}/apercu");

        page.QuerySelector(".fiche-header .meta")!.Text().ShouldBe("Fiche en cours de rédaction");
        page.QuerySelector(".key-figure").ShouldBeNull("the draft is not public");
        preview.QuerySelector("#statut-apercu")!.Text().ShouldBe("brouillon — pas encore publié");
    }
}
