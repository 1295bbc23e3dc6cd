using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.UnitTests.Authoring;

public sealed class FicheRulesTests
{
    private static readonly FicheRuleContext _context = new(
        2026,
        [new Indicator { Code = "ess_employees", LabelFr = "Salariés de l’ESS", LabelEn = "SSE employees", Definition = "…", Unit = FigureUnit.Persons }],
        new HashSet<string>(["emploi", "alimentation"], StringComparer.Ordinal));

    private static readonly Source _source = new() { Key = "insee", Title = "INSEE Flores" };

    private static KeyFigure Figure(string label = "Salariés", int year = 2024, string? indicator = null, FigureUnit unit = FigureUnit.Persons) =>
        new() { Label = label, Value = 10, Unit = unit, Year = year, SourceKey = "insee", IndicatorCode = indicator };

    private static IReadOnlyList<FicheRuleError> Check(FicheContent content) => FicheRules.Check(content, _context);

    /// <summary>Every text field of a fiche, the path its message is keyed by, and its documented maximum.</summary>
    public static TheoryData<string, int> TextFields => new()
    {
        { "panorama.narrative", FicheLimits.Narrative },
        { "panorama.figures[0].label", FicheLimits.FigureLabel },
        { "budget.narrative", FicheLimits.Narrative },
        { "budget.lines[0].label", FicheLimits.BudgetLineLabel },
        { "budget.staff.note", FicheLimits.StaffNote },
        { "programme.strategyTitle", FicheLimits.StrategyTitle },
        { "programme.narrative", FicheLimits.Narrative },
        { "programme.axes[0].title", FicheLimits.AxisTitle },
        { "programme.axes[0].text", FicheLimits.AxisText },
        { "actions[0].title", FicheLimits.ActionTitle },
        { "actions[0].description", FicheLimits.ActionDescription },
        { "actions[0].partners", FicheLimits.PartnerName },
        { "actions[0].results[0].label", FicheLimits.FigureLabel },
        { "contacts[0].name", FicheLimits.ContactName },
        { "contacts[0].title", FicheLimits.ContactTitle },
        { "contacts[0].service", FicheLimits.ContactService },
        { "contacts[0].email", FicheLimits.ContactEmail },
        { "contacts[0].phone", FicheLimits.ContactPhone },
        { "sources[0].key", FicheLimits.SourceKey },
        { "sources[0].title", FicheLimits.SourceTitle },
        { "sources[0].publisher", FicheLimits.SourcePublisher },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public void EveryTextField_AcceptsItsMaximum_AndRefusesOneCharacterMore(string path, int max)
    {
        Check(WithText(path, Filler(path, max))).ShouldBeEmpty();

        var errors = Check(WithText(path, Filler(path, max + 1)));

        var error = errors.ShouldHaveSingleItem();
        error.Path.ShouldBe(path);
        error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void LongContactName_IsRefused_WithAFrenchMessageNamingTheField()
    {
        var content = new FicheContent { Contacts = [new Contact { Role = ContactRole.Officer, Name = new string('x', 64_012) }] };

        var error = Check(content).ShouldHaveSingleItem();

        error.Path.ShouldBe("contacts[0].name");
        error.Where.ShouldBe("contact 1");
        error.Message.Replace('\u202f', ' ').ShouldBe("Le nom ne doit pas dépasser 200 caractères (actuellement 64 012).");
    }

    [Fact]
    public void Url_LongerThanTheMaximum_OrNotWeb_IsRefused()
    {
        var longUrl = new Uri("https://example.org/" + new string('a', FicheLimits.Url));
        Check(new FicheContent { Sources = [_source with { Url = longUrl }] }).ShouldHaveSingleItem().Path.ShouldBe("sources[0].url");
        Check(new FicheContent { Sources = [_source with { Url = new Uri("ftp://example.org/") }] }).ShouldHaveSingleItem().Path.ShouldBe("sources[0].url");
        Check(new FicheContent { Sources = [_source with { Url = new Uri("https://example.org/") }] }).ShouldBeEmpty();
    }

    [Fact]
    public void RequiredFields_YearsAmountsAndChoices_AreCheckedWithTheirPaths()
    {
        var content = new FicheContent
        {
            Panorama = new PanoramaSection { Figures = [Figure(label: " ", year: 1850) with { Value = -1, Unit = (FigureUnit)42 }, null!] },
            Budget = new BudgetSection { Lines = [new BudgetLine { Label = "Fonds", Amount = FicheLimits.MaxAmount, Year = 2028, Nature = (BudgetNature)9 }] },
            Programme = new ProgrammeSection { PeriodStart = 2024, PeriodEnd = 2020 },
            Actions = [new SupportedAction { Title = "", Themes = ["inconnu"], Results = [new ResultFigure { Label = "Personnes", Value = 1, Unit = FigureUnit.Persons, Year = 2024, SourceKey = "absente" }] }],
            Contacts = [new Contact { Role = ContactRole.Officer, Name = "Léa", Email = "lea@", Phone = "06 ab" }],
            Sources = [_source],
        };

        Check(content).Select(e => e.Path).ShouldBe(
        [
            "panorama.figures[0].label", "panorama.figures[0].value", "panorama.figures[0].unit", "panorama.figures[0].year", "panorama.figures[1]",
            "budget.lines[0].amount", "budget.lines[0].year", "budget.lines[0].nature",
            "programme.periodEnd",
            "actions[0].title", "actions[0].themes", "actions[0].results[0].sourceKey",
            "contacts[0].email", "contacts[0].phone",
            // The missing source is reported on the figure and among the fiche's sources.
            "sources",
        ]);
    }

    [Fact]
    public void Sources_KeysAreUniqueAndWellFormed_AndCitedOnesCannotBeRemoved()
    {
        var content = new FicheContent
        {
            Panorama = new PanoramaSection { Figures = [Figure() with { SourceKey = "cress" }] },
            Sources = [_source, _source with { Title = "Autre" }, _source with { Key = "clé accentuée" }],
        };

        var errors = FicheRules.Check(content, _context, [FicheSection.Sources]);

        errors.Select(e => e.Path).ShouldBe(["sources[1].key", "sources[2].key", "sources"]);
        errors[^1].Message.ShouldContain("cress");
    }

    [Fact]
    public void ComparedIndicator_MustBeInTheCatalogue_InTheFiguresUnit_OncePerYear()
    {
        FicheRules.Check(new FicheContent { Panorama = new() { Figures = [Figure(indicator: "ess_employees"), Figure(indicator: "ess_employees", year: 2025)] }, Sources = [_source] }, _context)
            .ShouldBeEmpty();
        var errors = Check(new FicheContent
        {
            Panorama = new() { Figures = [Figure(indicator: "ess_employees"), Figure(indicator: "ess_employees"), Figure(indicator: "inconnu"), Figure(indicator: "ess_employees", unit: FigureUnit.Count)] },
            Sources = [_source],
        });

        errors.Select(e => e.Path).ShouldBe(["panorama.figures[1].indicatorCode", "panorama.figures[2].indicatorCode", "panorama.figures[3].indicatorCode"]);
        errors[0].Message.ShouldContain("Le chiffre 1 porte déjà cet indicateur pour 2024");
    }

    [Fact]
    public void ChangedSections_AreTheOnlyOnesChecked()
    {
        var before = new FicheContent { Contacts = [new Contact { Role = ContactRole.Officer, Name = new string('x', 500) }] };
        var after = before with { Programme = new ProgrammeSection { StrategyTitle = "Plan ESS" } };

        FicheRules.ChangedSections(before, after).ShouldBe([FicheSection.Programme]);
        FicheRules.Check(after, _context, FicheRules.ChangedSections(before, after)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("INSEE Flores", 2021, "insee-flores-2021")]
    [InlineData("Observatoire régional de l’ESS", null, "observatoire-regional-de-l-ess")]
    [InlineData("Enquête 2024", 2024, "enquete-2024")]
    [InlineData("!!!", null, "source")]
    [InlineData("Déjà pris", null, "deja-pris-2")]
    public void SourceKeys_AreGeneratedFromTitleAndYear_AndUnique(string title, int? year, string expected)
    {
        var key = SourceKeys.Generate(title, year, ["deja-pris", "insee-flores"]);

        key.ShouldBe(expected);
        key.Length.ShouldBeLessThanOrEqualTo(FicheLimits.SourceKey);
    }

    /// <summary>A fiche whose only text is <paramref name="text"/> at <paramref name="path"/>, valid otherwise.</summary>
    private static FicheContent WithText(string path, string text) => path switch
    {
        "panorama.narrative" => new() { Panorama = new() { Narrative = text } },
        "panorama.figures[0].label" => new() { Panorama = new() { Figures = [Figure(label: text)] }, Sources = [_source] },
        "budget.narrative" => new() { Budget = new() { Narrative = text } },
        "budget.lines[0].label" => new() { Budget = new() { Lines = [new BudgetLine { Label = text, Amount = 1, Year = 2024, Nature = BudgetNature.Autre }] } },
        "budget.staff.note" => new() { Budget = new() { Staff = new StaffFigure { Fte = 1, Year = 2024, Note = text } } },
        "programme.strategyTitle" => new() { Programme = new() { StrategyTitle = text } },
        "programme.narrative" => new() { Programme = new() { Narrative = text } },
        "programme.axes[0].title" => new() { Programme = new() { Axes = [new ProgrammeAxis { Title = text }] } },
        "programme.axes[0].text" => new() { Programme = new() { Axes = [new ProgrammeAxis { Title = "Axe", Text = text }] } },
        "actions[0].title" => new() { Actions = [new SupportedAction { Title = text }] },
        "actions[0].description" => new() { Actions = [new SupportedAction { Title = "Action", Description = text }] },
        "actions[0].partners" => new() { Actions = [new SupportedAction { Title = "Action", Partners = [text] }] },
        "actions[0].results[0].label" => new() { Actions = [new SupportedAction { Title = "Action", Results = [new ResultFigure { Label = text, Value = 1, Unit = FigureUnit.Count, Year = 2024 }] }] },
        "contacts[0].name" => new() { Contacts = [new Contact { Role = ContactRole.Officer, Name = text }] },
        "contacts[0].title" => new() { Contacts = [new Contact { Role = ContactRole.Officer, Name = "Léa", Title = text }] },
        "contacts[0].service" => new() { Contacts = [new Contact { Role = ContactRole.Officer, Name = "Léa", Service = text }] },
        "contacts[0].email" => new() { Contacts = [new Contact { Role = ContactRole.Officer, Name = "Léa", Email = text }] },
        "contacts[0].phone" => new() { Contacts = [new Contact { Role = ContactRole.Officer, Name = "Léa", Phone = text }] },
        "sources[0].key" => new() { Sources = [_source with { Key = text }] },
        "sources[0].title" => new() { Sources = [_source with { Title = text }] },
        "sources[0].publisher" => new() { Sources = [_source with { Publisher = text }] },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>Text of <paramref name="length"/> characters that is otherwise valid for its field.</summary>
    private static string Filler(string path, int length) => path switch
    {
        "contacts[0].email" => "a@" + new string('b', length - 2),
        "contacts[0].phone" => new string('0', length),
        _ => new string('a', length),
    };
}
