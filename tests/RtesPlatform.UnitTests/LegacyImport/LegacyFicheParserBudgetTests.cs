using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>Budget lines written as a list, totals, several amounts on a line, sources.</summary>
public sealed class LegacyFicheParserBudgetTests
{
    [Fact]
    public void Parse_LabelledAmountsWithTheirYear_BecomeBudgetLinesAndLeaveTheNarrative()
    {
        var fiche = Single("Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\n"
            + "• Fonctionnement : 50 000 € (2023)\n• Investissement : 20 000 € en 2023\n• Total : 70 000 €\n\nUne phrase.");

        fiche.Content.Budget.Lines.ShouldBe(
        [
            new BudgetLine { Label = "Fonctionnement", Amount = 50_000m, Year = 2023, Nature = BudgetNature.Fonctionnement },
            new BudgetLine { Label = "Investissement", Amount = 20_000m, Year = 2023, Nature = BudgetNature.Investissement },
        ]);
        fiche.Report.FiguresNotExtracted.ShouldHaveSingleItem().Issue.ShouldBe(LegacyFigureIssue.Total);
        fiche.Content.Budget.Narrative.ShouldBe("• Total : 70 000 €\n\nUne phrase.");
    }

    [Fact]
    public void Parse_TwoLabelledAmountsOnOneLine_TakeTheNatureOfTheirOwnLabel()
    {
        var fiche = Single("Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\nEn 2022 : fonctionnement : 50 000 € ; investissement : 20 000 €.");

        fiche.Content.Budget.Lines.Select(l => (l.Nature, l.Amount, l.Year)).ShouldBe(
            [(BudgetNature.Fonctionnement, 50_000m, 2022), (BudgetNature.Investissement, 20_000m, 2022)]);
    }

    [Fact]
    public void Parse_TotalWithItsBreakdown_KeepsTheTotalOnly()
    {
        var fiche = Single("Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\nBudget ESS 2023 : 1,2 M€ dont 600 000 € de subventions.");

        var line = fiche.Content.Budget.Lines.ShouldHaveSingleItem();
        (line.Label, line.Amount, line.Year, line.Nature).ShouldBe(("Budget ESS", 1_200_000m, 2023, BudgetNature.Autre));
        fiche.Report.FiguresNotExtracted.ShouldHaveSingleItem().Issue.ShouldBe(LegacyFigureIssue.Breakdown);
    }

    [Fact]
    public void Parse_PanoramaSource_BecomesTheSourceOfItsFigures()
    {
        var fiche = Single("Ville de Test\n\nPanorama de l’ESS sur le territoire\n\n• 8 049 salariés\n• 649 établissements employeurs\n\n"
            + "Sources : INSEE - Flores 2019 - Diagnostic CRESS Nouvelle-Aquitaine");

        fiche.Content.Sources.ShouldBe(
            [new Source { Key = "panorama-1", Title = "INSEE - Flores 2019 - Diagnostic CRESS Nouvelle-Aquitaine", Year = 2019 }]);
        fiche.Content.Panorama.Figures.Select(f => (f.Label, f.Value, f.Year, f.SourceKey)).ShouldBe(
            [("Salariés", 8_049m, 2019, "panorama-1"), ("Établissements employeurs", 649m, 2019, "panorama-1")]);
        fiche.Content.Panorama.Narrative!.ShouldEndWith("Sources : INSEE - Flores 2019 - Diagnostic CRESS Nouvelle-Aquitaine");
    }

    [Fact]
    public void Parse_MembershipWithReadhesion_TakesTheFirstYear()
    {
        var fiche = Single("Réseau des collectivités Territoriales pour une Économie Sociale et Solidaire\n\nVille de Test\n\n"
            + "Année d'adhésion au RTES : 2016 (réadhésion en 2021)\n\nContact public\n\nCheffe de projet économie solidaire : Ana Lopes\n"
            + "Médiatrice ESS : Inès Morel");

        fiche.MembershipYear.ShouldBe(2016);
        fiche.Content.Contacts.Select(c => (c.Role, c.Name, c.Title)).ShouldBe(
        [
            (ContactRole.Officer, "Ana Lopes", (string?)"Cheffe de projet économie solidaire"),
            (ContactRole.Officer, "Inès Morel", "Médiatrice ESS"),
        ]);
    }

    private static LegacyFiche Single(string text)
    {
        var result = LegacyFicheParser.Parse(text);
        LegacyLineCoverage.ShouldKeepEveryLine(text, result);
        return result.Fiches.ShouldHaveSingleItem();
    }
}
