using AngleSharp.Dom;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Authoring;

public sealed class DraftEditingTests(BackOffice site) : IClassFixture<BackOffice>
{
    private static readonly int _thisYear = DateTime.UtcNow.Year;

    [Fact]
    public async Task EditBudget_SavesTheDraft_AndLeavesThePublicPageUnchanged()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Budget = new BudgetSection { Narrative = "Budget publié." } });
        var client = site.Client();

        var (status, page) = await AddBudgetLineAsync(client, tenant.Slug, "Subventions aux structures de l'ESS", "270 000", "2025");

        status.ShouldBe(200);
        page.QuerySelector("[role=status]")!.Text().ShouldContain("Brouillon enregistré");
        page.Value("Form.Lines[0].Label").ShouldBe("Subventions aux structures de l'ESS");
        var draft = (await site.DraftAsync(tenant)).ShouldNotBeNull();
        draft.Content.Budget.Lines.ShouldHaveSingleItem().Amount.ShouldBe(270_000m);
        draft.Content.Budget.Narrative.ShouldBe("Budget publié.");
        draft.UpdatedBy.ShouldBe("Camille Martin");
        var publicPage = (await Html.GetAsync(client, $"/collectivites/{tenant.Slug}")).Document.Body!.Text();
        publicPage.ShouldContain("Budget publié.");
        publicPage.ShouldNotContain("Subventions aux structures");
    }

    [Fact]
    public async Task InvalidBudget_KeepsWhatWasTyped_AndShowsFrenchMessagesNextToTheFields()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/budget");
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter une ligne budgétaire"));

        var (status, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Form.Narrative"] = "Un texte que je ne veux pas perdre.",
            ["Form.Lines[0].Label"] = "Fonds d'amorçage",
            ["Form.Lines[0].Amount"] = "-12 500",
            ["Form.Lines[0].Year"] = "1850",
            ["Form.Lines[0].SourceKey"] = "source-inconnue",
            ["Form.StaffFte"] = "deux",
        });

        status.ShouldBe(200);
        page.QuerySelector("[role=alert]")!.Text().ShouldContain("n’a pas été enregistré");
        page.Value("Form.Narrative").ShouldBe("Un texte que je ne veux pas perdre.");
        page.Value("Form.Lines[0].Label").ShouldBe("Fonds d'amorçage");
        page.Value("Form.Lines[0].Amount").ShouldBe("-12 500");
        page.Value("Form.Lines[0].Year").ShouldBe("1850");
        page.Value("Form.StaffFte").ShouldBe("deux");
        ErrorOf(page, "Form.Lines[0].Amount").ShouldContain("positif ou nul");
        ErrorOf(page, "Form.Lines[0].Year").ShouldContain($"entre 1990 et {_thisYear + 1}");
        ErrorOf(page, "Form.Lines[0].SourceKey").ShouldContain("Choisissez une source parmi celles de la fiche");
        ErrorOf(page, "Form.StaffFte").ShouldContain("en chiffres");
        ErrorOf(page, "Form.StaffYear").ShouldContain("Indiquez l’année");
        (await site.DraftAsync(tenant)).ShouldBeNull();
    }

    [Fact]
    public async Task Preview_ShowsTheDraftAsThePublicWillSeeIt_WithTheUnpublishedBanner()
    {
        var tenant = await site.CreateTenantAsync();
        await site.Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = "Texte publié." } });
        var client = site.Client();
        await AddBudgetLineAsync(client, tenant.Slug, "Ligne du brouillon", "1 000", "2025");

        var (status, page) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/apercu");

        status.ShouldBe(200);
        page.QuerySelector(".preview-banner")!.Text().ShouldContain("brouillon — pas encore publié");
        page.QuerySelector("article.fiche h1")!.Text().ShouldBe(tenant.Name);
        page.QuerySelector("#budget")!.ParentElement!.Text().ShouldContain("Ligne du brouillon");
        page.QuerySelector("#panorama")!.ParentElement!.Text().ShouldContain("Texte publié.");
    }

    [Fact]
    public async Task TwoEditorsSaveTheSameSection_TheSecondGetsTheConflict_AndNothingIsLost()
    {
        var tenant = await site.CreateTenantAsync();
        await site.SaveDraftAsync(tenant, new FicheContent { Budget = new BudgetSection { Narrative = "Version de départ." } });
        var first = site.Client("Alice Premier");
        var second = site.Client("Bruno Second");
        var (_, firstForm) = await Forms.GetAsync(first, $"/espace/{tenant.Slug}/budget");
        var (_, secondForm) = await Forms.GetAsync(second, $"/espace/{tenant.Slug}/budget");

        await Forms.SubmitAsync(first, firstForm, firstForm.Button("Enregistrer le brouillon"),
            new Dictionary<string, string> { ["Form.Narrative"] = "Texte d'Alice." });
        var (status, conflict) = await Forms.SubmitAsync(second, secondForm, secondForm.Button("Enregistrer le brouillon"),
            new Dictionary<string, string> { ["Form.Narrative"] = "Texte de Bruno." });

        status.ShouldBe(200);
        conflict.QuerySelector(".conflict h2")!.Text().ShouldContain("Conflit de modification");
        conflict.QuerySelector("#version-mine")!.Text().ShouldContain("Texte de Bruno.");
        conflict.QuerySelector("#version-theirs")!.Text().ShouldContain("Texte d'Alice.");
        conflict.QuerySelector(".conflict")!.Text().ShouldContain("Alice Premier");
        conflict.Value("Form.Narrative").ShouldBe("Texte de Bruno.");
        (await site.DraftAsync(tenant))!.Content.Budget.Narrative.ShouldBe("Texte d'Alice.");

        // Merging: the conflict form carries the new revision, so saving it again is deliberate and works.
        var (_, merged) = await Forms.SubmitAsync(second, conflict, conflict.Button("Enregistrer le brouillon"),
            new Dictionary<string, string> { ["Form.Narrative"] = "Texte d'Alice.\n\nTexte de Bruno." });
        merged.QuerySelector(".conflict").ShouldBeNull();
        (await site.DraftAsync(tenant))!.Content.Budget.Narrative.ShouldBe("Texte d'Alice.\n\nTexte de Bruno.");
    }

    [Fact]
    public async Task Contacts_ConsentIsSavedWithTheContact()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/contacts");
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter un contact"));

        await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Contacts[0].Name"] = "Dominique Agent",
            ["Contacts[0].Email"] = "d.agent@example.fr",
            ["Contacts[0].Consent"] = "Given",
        });

        var contact = (await site.DraftAsync(tenant))!.Content.Contacts.ShouldHaveSingleItem();
        contact.Name.ShouldBe("Dominique Agent");
        contact.Consent.ShouldBe(ContactConsent.Given);
    }

    [Fact]
    public async Task Sources_OnlyHttpAddressesAreAccepted()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/sources");
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter une source"));

        var (_, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Items[0].Key"] = "insee-2023",
            ["Items[0].Title"] = "INSEE Flores",
            ["Items[0].Url"] = "javascript:alert(1)",
        });

        ErrorOf(page, "Items[0].Url").ShouldContain("http:// ou https://");
        page.Value("Items[0].Url").ShouldBe("javascript:alert(1)");
        (await site.DraftAsync(tenant)).ShouldBeNull();
    }

    [Fact]
    public async Task Action_AddedWithThemes_IsListed()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var (_, form) = await Forms.GetAsync(client, $"/espace/{tenant.Slug}/actions/nouvelle");

        var (_, list) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            ["Form.Title"] = "Club de l'achat responsable",
            ["Form.Themes"] = "commande-publique",
            ["Form.YearStart"] = "2021",
            ["Form.Partners"] = "CRESS\nCCI",
        });

        list.QuerySelector(".action-list")!.Text().ShouldContain("Club de l'achat responsable");
        var action = (await site.DraftAsync(tenant))!.Content.Actions.ShouldHaveSingleItem();
        action.Themes.ShouldBe(["commande-publique"]);
        action.Partners.ShouldBe(["CRESS", "CCI"]);
    }

    internal static async Task<(int Status, IDocument Page)> AddBudgetLineAsync(HttpClient client, string slug, string label, string amount, string year)
    {
        var (_, form) = await Forms.GetAsync(client, $"/espace/{slug}/budget");
        var index = form.QuerySelectorAll("fieldset.row-group").Length;
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter une ligne budgétaire"));
        return await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), new Dictionary<string, string>
        {
            [$"Form.Lines[{index}].Label"] = label,
            [$"Form.Lines[{index}].Amount"] = amount,
            [$"Form.Lines[{index}].Year"] = year,
        });
    }

    /// <summary>The error message a field points to with aria-describedby.</summary>
    private static string ErrorOf(IDocument page, string name)
    {
        var field = page.QuerySelector($"[name=\"{name}\"]").ShouldNotBeNull();
        field.GetAttribute("aria-invalid").ShouldBe("true");
        var ids = field.GetAttribute("aria-describedby").ShouldNotBeNull().Split(' ');
        var error = ids.Select(id => page.GetElementById(id)).OfType<IElement>().SingleOrDefault(e => e.ClassList.Contains("error-message"));
        return error.ShouldNotBeNull().Text();
    }
}
