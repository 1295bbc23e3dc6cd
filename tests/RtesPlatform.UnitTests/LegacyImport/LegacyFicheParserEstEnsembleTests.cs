using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>The Est Ensemble fiche body: no identity block, headings ending with ":", no blank lines.</summary>
public sealed class LegacyFicheParserEstEnsembleTests
{
    private static readonly string _text = LegacySamples.Text(LegacySamples.EstEnsemble);

    public static TheoryData<int[]> SectionOrders =>
    [
        [0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0],
    ];

    [Fact]
    public void Parse_BodyWithoutName_GivesOneUnnamedFicheWithThe2023BudgetLines()
    {
        var result = LegacyFicheParser.Parse(_text);

        result.Error.ShouldBeNull();
        var fiche = result.Fiches.ShouldHaveSingleItem();
        fiche.SourceName.ShouldBeNull();
        fiche.Kind.ShouldBeNull();
        fiche.Report.Warnings.ShouldHaveSingleItem().ShouldContain("sans nom");
        fiche.Content.Budget.Lines.ShouldBe(ExpectedBudget);
        fiche.Content.Budget.Narrative.ShouldBeNull();
        fiche.Report.Lines.Where(l => l.LineNumber <= 5).Select(l => l.Role).ShouldBe(
        [
            LegacyLineRole.Heading, LegacyLineRole.YearMarker,
            LegacyLineRole.BudgetLine, LegacyLineRole.BudgetLine, LegacyLineRole.BudgetLine,
        ]);
    }

    [Fact]
    public void Parse_BodyWithoutName_KeepsProgrammeAndActionsAsText()
    {
        var fiche = LegacyFicheParser.Parse(_text).Fiches.Single();

        var programme = fiche.Content.Programme.Narrative!;
        programme.ShouldStartWith("Ambitions de la politique ESS:\n\n- Impulser et soutenir les activités productives");
        programme.ShouldEndWith("A noter un fort enjeu de rééquilibrage entre l’Ouest et l’Est du territoire.");
        fiche.Content.Actions.Count.ShouldBe(5);
        fiche.Content.Actions[0].Title.ShouldBe("Chaque année Est Ensemble soutient les structures de l’ESS via le fonds à impact");
        fiche.Content.Actions[0].Description!.ShouldContain("(maximum 30 000 euros par structure)");
        fiche.Content.Actions[3].Title.ShouldStartWith("Un objectif ambitieux d’accès à la commande publique");
        var cap = fiche.Report.FiguresNotExtracted.Single(n => n.Figure == "30 000 euros");
        cap.Issue.ShouldBe(LegacyFigureIssue.Cap);
        fiche.Report.FiguresNotExtracted.Single(n => n.Figure == "270 000 euros").Issue.ShouldBe(LegacyFigureIssue.OutsideBudgetSection);
    }

    [Fact]
    public void Parse_BodyAfterTheName_RecognisesTheNameByTheHeadingThatFollows()
    {
        var result = LegacyFicheParser.Parse("Est Ensemble\n\n" + _text);

        var fiche = result.Fiches.ShouldHaveSingleItem();
        fiche.SourceName.ShouldBe("Est Ensemble");
        fiche.Report.Warnings.ShouldBeEmpty();
        fiche.Content.Budget.Lines.ShouldBe(ExpectedBudget);
    }

    [Theory]
    [MemberData(nameof(SectionOrders))]
    public void Parse_SectionsInAnyOrder_GivesTheSameFicheAndLosesNoLine(int[] order)
    {
        var lines = _text.Split('\n');
        string[][] sections = [lines[..5], lines[5..12], lines[12..]];
        var shuffled = "Est Ensemble\n" + string.Join('\n', order.SelectMany(i => sections[i]));

        var result = LegacyFicheParser.Parse(shuffled);

        var fiche = result.Fiches.ShouldHaveSingleItem();
        fiche.SourceName.ShouldBe("Est Ensemble");
        fiche.Content.Budget.Lines.ShouldBe(ExpectedBudget);
        fiche.Content.Programme.Narrative!.ShouldStartWith("Ambitions de la politique ESS:");
        fiche.Content.Actions.Count.ShouldBe(5);
        LegacyLineCoverage.ShouldKeepEveryLine(shuffled, result);
    }

    private static BudgetLine[] ExpectedBudget =>
    [
        new() { Label = "Fonds de financement à impact", Amount = 270_000m, Year = 2023, Nature = BudgetNature.FondsSubventions },
        new() { Label = "Convention de partenariats", Amount = 72_000m, Year = 2023, Nature = BudgetNature.ConventionsPartenariat },
        new() { Label = "Fonctionnement", Amount = 50_000m, Year = 2023, Nature = BudgetNature.Fonctionnement },
    ];
}
