using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

public sealed class LegacyFicheParserCoverageTests
{
    /// <summary>Two fiches whose sections come in an order the seeds do not use, with heading variants.</summary>
    private const string Shuffled = """
        Ville de Villeneuve-Test

        Contact public
        Élu référent : Jean Martin Titre : Adjoint au maire délégué à l’ESS
        Chargé(e) de mission ESS : Lucie Bernard Service : Développement économique

        EXEMPLES D'ACTIONS SOUTENUES PAR LA COLLECTIVITÉ

        • Un tiers-lieu de l’ESS ouvert en 2022.
        • Un marché de producteurs locaux.

        Budget  /  Moyens affectés à l'ESS :

        En 2022 :
        Subventions aux associations : 120 000 €
        Investissement : 1,5 million d’euros

        Panorama de l’ESS sur le territoire

        En 2021, l’ESS compte 1 250 salariés et 96 établissements employeurs.
        Type de collectivité
        Commune
        Nombre d'habitants sur le territoire
        12 345 habitants
        Année d’adhésion au RTES : 2020

        Communauté d'agglomération du Val Test

        Année d'adhésion au RTES: 2015

        Programme d’intervention dans le champ de l’ESS:

        La stratégie 2021-2026 s’organise en trois axes.

        Panorama de l'ESS sur le territoire :

        Un territoire riche de ses associations.
        """;

    [Theory]
    [InlineData(LegacySamples.GrandEst)]
    [InlineData(LegacySamples.EstEnsemble)]
    public void Parse_SeedFile_KeepsEveryNonEmptyLine(string seed)
    {
        var text = LegacySamples.Text(seed);

        LegacyLineCoverage.ShouldKeepEveryLine(text, LegacyFicheParser.Parse(text));
    }

    [Fact]
    public void Parse_SectionsInAnotherOrder_KeepsEveryLineAndReadsEachSection()
    {
        var result = LegacyFicheParser.Parse(Shuffled);

        LegacyLineCoverage.ShouldKeepEveryLine(Shuffled, result);
        result.Fiches.Select(f => f.SourceName).ShouldBe(["Ville de Villeneuve-Test", "Communauté d'agglomération du Val Test"]);
        var ville = result.Fiches[0];
        ville.Population.ShouldBe(12_345);
        ville.MembershipYear.ShouldBe(2020);
        ville.Content.Contacts.Select(c => (c.Name, c.Title, c.Service)).ShouldBe(
        [
            ("Jean Martin", (string?)"Adjoint au maire délégué à l’ESS", (string?)null),
            ("Lucie Bernard", "Chargé(e) de mission ESS", "Développement économique"),
        ]);
        ville.Content.Actions.Select(a => a.Title).ShouldBe(["Un tiers-lieu de l’ESS ouvert en 2022.", "Un marché de producteurs locaux."]);
        ville.Content.Budget.Lines.Select(l => (l.Label, l.Amount, l.Year)).ShouldBe(
            [("Subventions aux associations", 120_000m, 2022), ("Investissement", 1_500_000m, 2022)]);
        ville.Content.Panorama.Figures.Select(f => (f.Label, f.Value, f.Year)).ShouldBe(
            [("Salariés", 1_250m, 2021), ("Établissements employeurs", 96m, 2021)]);
        var agglo = result.Fiches[1];
        agglo.MembershipYear.ShouldBe(2015);
        agglo.Content.Panorama.Narrative.ShouldBe("Un territoire riche de ses associations.");
        (agglo.Content.Programme.PeriodStart, agglo.Content.Programme.PeriodEnd).ShouldBe((2021, 2026));
    }
}
