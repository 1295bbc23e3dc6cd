using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RtesPlatform.IntegrationTests.Authoring;
using static RtesPlatform.IntegrationTests.Indicators.IndicatorValuePageTests;

namespace RtesPlatform.IntegrationTests.Indicators;

/// <summary>Tagging a panorama key figure with a catalogue indicator ("Indicateur comparé").</summary>
public sealed class PanoramaIndicatorPageTests(BackOffice site) : IClassFixture<BackOffice>
{
    [Fact]
    public async Task FigureTaggedWithAnIndicatorOfItsUnit_IsSaved_AndThePickerListsFigureIndicatorsOnly()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var form = await NewFigureAsync(client, tenant.Slug);
        var picker = form.QuerySelector<IHtmlSelectElement>("select[name='Form.Figures[0].IndicatorCode']").ShouldNotBeNull();
        form.QuerySelector($"label[for='{picker.Id}']")!.Text().ShouldContain("Indicateur comparé du chiffre 1");
        var codes = picker.Options.Select(o => o.Value).ToList();
        codes.ShouldContain("ess_employees");
        codes.ShouldContain("");
        codes.ShouldNotContain("budget_total");

        var (_, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), Figure(0, "ess_employees", "Persons", "2022", "8 049"));

        page.QuerySelector("[role=status]")!.Text().ShouldContain("Brouillon enregistré");
        page.Value("Form.Figures[0].IndicatorCode").ShouldBe("ess_employees");
        var figure = (await site.DraftAsync(tenant))!.Content.Panorama.Figures.ShouldHaveSingleItem();
        figure.IndicatorCode.ShouldBe("ess_employees");
        figure.Value.ShouldBe(8049m);
    }

    [Fact]
    public async Task IndicatorOfAnotherUnit_IsRefusedWithAFrenchMessage()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var form = await NewFigureAsync(client, tenant.Slug);

        var (status, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), Figure(0, "ess_employees", "Euros", "2022", "100"));

        status.ShouldBe(200);
        ErrorOf(page, "Form.Figures[0].IndicatorCode").ShouldContain("se mesure en personnes");
        page.Value("Form.Figures[0].IndicatorCode").ShouldBe("ess_employees");
        (await site.DraftAsync(tenant)).ShouldBeNull();
    }

    [Fact]
    public async Task TwoFiguresWithTheSameIndicatorAndYear_AreRefused()
    {
        var tenant = await site.CreateTenantAsync();
        var client = site.Client();
        var form = await NewFigureAsync(client, tenant.Slug);
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter un chiffre clé"));
        var values = Figure(0, "scop_count", "Count", "2024", "12")
            .Concat(Figure(1, "scop_count", "Count", "2024", "14"))
            .ToDictionary(p => p.Key, p => p.Value);

        var (_, page) = await Forms.SubmitAsync(client, form, form.Button("Enregistrer le brouillon"), values);

        ErrorOf(page, "Form.Figures[1].IndicatorCode").ShouldContain("Le chiffre 1 porte déjà cet indicateur pour 2024");
        page.Value("Form.Figures[1].Value").ShouldBe("14");
        (await site.DraftAsync(tenant)).ShouldBeNull();

        // Another year is another value.
        values["Form.Figures[1].Year"] = "2023";
        (_, page) = await Forms.SubmitAsync(client, page, page.Button("Enregistrer le brouillon"), values);
        (await site.DraftAsync(tenant))!.Content.Panorama.Figures.Select(f => f.IndicatorCode).ShouldBe(["scop_count", "scop_count"]);
    }

    private static async Task<IDocument> NewFigureAsync(HttpClient client, string slug)
    {
        var (_, form) = await Forms.GetAsync(client, $"/espace/{slug}/panorama");
        (_, form) = await Forms.SubmitAsync(client, form, form.Button("Ajouter un chiffre clé"));
        return form;
    }

    private static Dictionary<string, string> Figure(int index, string code, string unit, string year, string value) => new()
    {
        [$"Form.Figures[{index}].Label"] = "Chiffre " + code,
        [$"Form.Figures[{index}].Value"] = value,
        [$"Form.Figures[{index}].Unit"] = unit,
        [$"Form.Figures[{index}].Year"] = year,
        [$"Form.Figures[{index}].IndicatorCode"] = code,
    };
}
