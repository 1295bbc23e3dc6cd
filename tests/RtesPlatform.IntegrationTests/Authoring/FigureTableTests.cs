using AngleSharp.Dom;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>
/// The yearly update on the back-office tables, without script: the latest year's rows come ticked,
/// "Reporter sur l’année suivante" copies them with the next year and an empty value, focused and
/// anchored; a source is created from a row with a generated key; parse and rule messages show
/// together with everything typed kept; "Chiffres à mettre à jour" links to each row.
/// </summary>
public sealed class FigureTableTests(BackOffice site) : IClassFixture<BackOffice>
{
    private static readonly FicheContent _content = new()
    {
        Panorama = new PanoramaSection
        {
            Figures =
            [
                new KeyFigure { Label = "Établissements de l’ESS", Value = 120, Unit = FigureUnit.Count, Year = 2019, SourceKey = "insee" },
                new KeyFigure { Label = "Salariés de l’ESS", Value = 1_500, Unit = FigureUnit.Persons, Year = 2024, SourceKey = "insee" },
                new KeyFigure { Label = "Part de l’emploi privé", Value = 11.5m, Unit = FigureUnit.Percent, Year = 2024 },
            ],
        },
        Budget = new BudgetSection
        {
            Lines = [new BudgetLine { Label = "Subventions", Amount = 270_000, Year = 2018, Nature = BudgetNature.FondsSubventions }],
        },
        Sources = [new Source { Key = "insee", Title = "INSEE Flores", Year = 2024 }],
    };

    [Fact]
    public async Task Carry_CopiesTheTickedRowsToNextYear_WithAnEmptyValue_FocusedAndAnchored()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, _content);
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/panorama");
        form.QuerySelectorAll("input[name=Carry]:checked").Select(c => c.GetAttribute("value")).ShouldBe(["1", "2"]);
        var carry = form.Button("Reporter sur l’année suivante");
        carry.GetAttribute("formaction")!.ShouldEndWith("?handler=Carry#chiffre-4");

        var (status, page) = await Forms.SubmitAsync(client, form, carry);

        status.ShouldBe(200);
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(5);
        page.Value("Form.Figures[3].Label").ShouldBe("Salariés de l’ESS");
        page.Value("Form.Figures[3].Year").ShouldBe("2025");
        page.Value("Form.Figures[3].Value").ShouldBe("");
        page.Value("Form.Figures[3].SourceKey").ShouldBe("insee");
        page.Value("Form.Figures[4].Label").ShouldBe("Part de l’emploi privé");
        page.Value("Form.Figures[4].Unit").ShouldBe("Percent");
        page.QuerySelector("#Form_Figures_3__Value")!.HasAttribute("autofocus").ShouldBeTrue();
        page.QuerySelector("#chiffre-4").ShouldNotBeNull();
        (await site.DraftAsync(tenant))!.Revision.ShouldBe(1, "carrying rows saves nothing by itself");

        // The new year's values, and a source for one of them created from its row.
        (status, page) = await Forms.SubmitAsync(client, page, page.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Form.Figures[3].Value"] = "1 620",
            ["Form.Figures[4].Value"] = "12,1",
            ["Form.Figures[4].NewSource.Title"] = "Observatoire régional de l’ESS",
            ["Form.Figures[4].NewSource.Publisher"] = "CRESS",
            ["Form.Figures[4].NewSource.Year"] = "2025",
            ["Form.Figures[4].NewSource.Url"] = "https://www.cress.example/observatoire",
        });

        status.ShouldBe(200);
        page.QuerySelector("[role=status]")!.Text().ShouldContain("Brouillon enregistré");
        var draft = (await site.DraftAsync(tenant)).ShouldNotBeNull().Content;
        draft.Panorama.Figures.Count.ShouldBe(5);
        draft.Panorama.Figures[3].ShouldBe(new KeyFigure { Label = "Salariés de l’ESS", Value = 1_620, Unit = FigureUnit.Persons, Year = 2025, SourceKey = "insee" });
        draft.Panorama.Figures[4].Value.ShouldBe(12.1m);
        draft.Panorama.Figures[4].SourceKey.ShouldBe("observatoire-regional-de-l-ess-2025");
        draft.Sources.Select(s => s.Key).ShouldBe(["insee", "observatoire-regional-de-l-ess-2025"]);
        draft.Sources[1].Publisher.ShouldBe("CRESS");
    }

    [Fact]
    public async Task ParseAndRuleErrors_ShowTogether_AndNothingTypedIsLost()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, _content);
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/panorama");
        var longLabel = new string('a', 201);

        var (status, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Form.Figures[0].Label"] = longLabel,
            ["Form.Figures[1].Value"] = "mille cinq cents",
            ["Form.Figures[2].Year"] = "1850",
            ["Form.Figures[2].NewSource.Url"] = "ftp://ailleurs.example",
            ["Form.Figures[2].NewSource.Title"] = "",
        });

        status.ShouldBe(200);
        page.Value("Form.Figures[0].Label").ShouldBe(longLabel);
        page.Value("Form.Figures[1].Value").ShouldBe("mille cinq cents");
        page.Value("Form.Figures[2].Year").ShouldBe("1850");
        page.Value("Form.Figures[2].NewSource.Url").ShouldBe("ftp://ailleurs.example");
        ErrorOf(page, "Form.Figures[0].Label").ShouldContain("ne doit pas dépasser 200 caractères");
        ErrorOf(page, "Form.Figures[1].Value").ShouldContain("en chiffres");
        ErrorOf(page, "Form.Figures[2].Year").ShouldContain("entre 1990 et");
        ErrorOf(page, "Form.Figures[2].NewSource.Title").ShouldContain("Indiquez le titre");
        ErrorOf(page, "Form.Figures[2].NewSource.Url").ShouldContain("http://");
        page.QuerySelector("#chiffre-3 details.new-source")!.HasAttribute("open").ShouldBeTrue();
        (await site.DraftAsync(tenant))!.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task AddAndRemove_KeepTheOfficerWhereTheyWere()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, _content);
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/budget");
        var add = form.Button("Ajouter une ligne budgétaire");
        add.GetAttribute("formaction")!.ShouldEndWith("?handler=AddLine#ligne-2");

        var (_, page) = await Forms.SubmitAsync(client, form, add, new Dictionary<string, string> { ["Form.Narrative"] = "Texte gardé" });

        page.QuerySelector("#ligne-2").ShouldNotBeNull();
        page.QuerySelector("#Form_Lines_1__Amount")!.HasAttribute("autofocus").ShouldBeTrue();
        page.Value("Form.Narrative").ShouldBe("Texte gardé");
        var remove = page.Button("Supprimer la ligne 2");
        remove.GetAttribute("formaction")!.ShouldEndWith("index=1#ligne-1");
        (_, page) = await Forms.SubmitAsync(client, page, remove);
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        page.QuerySelector("#Form_Lines_0__Amount")!.HasAttribute("autofocus").ShouldBeTrue();
    }

    [Fact]
    public async Task FiguresToUpdate_LinkEachToItsOwnRow()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, _content);

        var (_, page) = await Forms.GetAsync(site.Client(), $"/espace/{tenant.Slug}");

        page.QuerySelectorAll(".stale-figures a").Select(a => a.GetAttribute("href")).ShouldBe(
            [$"/espace/{tenant.Slug}/panorama#chiffre-1", $"/espace/{tenant.Slug}/budget#ligne-1"]);
    }

    private static string ErrorOf(IDocument page, string name) =>
        page.QuerySelector($"#{name.Replace('[', '_').Replace(']', '_').Replace('.', '_')}-error")?.Text()
        ?? throw new ShouldAssertException($"No error message for {name}.");
}
