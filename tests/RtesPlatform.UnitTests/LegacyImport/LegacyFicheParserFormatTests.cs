using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>The rules of the format, one variant at a time, on small fiches written for the case.</summary>
public sealed class LegacyFicheParserFormatTests
{
    [Theory]
    [InlineData("Panorama de l'ESS sur le territoire", LegacyLineRole.PanoramaNarrative)]
    [InlineData("PANORAMA DE L’ESS SUR LE TERRITOIRE :", LegacyLineRole.PanoramaNarrative)]
    [InlineData("Budget  / Moyens affectés à l’ESS", LegacyLineRole.BudgetNarrative)]
    [InlineData("Budget annuel / Moyens consacrés à l'ESS:", LegacyLineRole.BudgetNarrative)]
    [InlineData("Budget consacré à l’ESS", LegacyLineRole.BudgetNarrative)]
    [InlineData("Programme d’intervention dans le champ de l’ESS :", LegacyLineRole.ProgrammeNarrative)]
    [InlineData("Exemples d'actions soutenues par la collectivité", LegacyLineRole.Action)]
    public void Parse_HeadingVariant_PutsTheTextInItsSection(string heading, LegacyLineRole role)
    {
        var fiche = Single($"Ville de Test\n\n{heading}\n\nUn paragraphe sans chiffre.");

        fiche.SourceName.ShouldBe("Ville de Test");
        fiche.Report.Lines.Select(l => l.Role).ShouldBe([LegacyLineRole.Name, LegacyLineRole.Heading, role]);
    }

    [Theory]
    [InlineData("Le budget ESS 2018 s’élève à 5 800 000 € pour le fonctionnement.", 5_800_000, 2018, BudgetNature.Fonctionnement)]
    [InlineData("En 2021, 1,5 million d’euros d’investissement.", 1_500_000, 2021, BudgetNature.Investissement)]
    [InlineData("Le fonds de soutien a reçu 1 million d’€ en 2020.", 1_000_000, 2020, BudgetNature.FondsSubventions)]
    [InlineData("En 2019, les conventions de partenariat représentent 135\u202F000\u00A0€.", 135_000, 2019, BudgetNature.ConventionsPartenariat)]
    [InlineData("Budget ESS 2024 : 250 k€.", 250_000, 2024, BudgetNature.Autre)]
    public void Parse_DatedAmountInBudget_GivesABudgetLine(string sentence, int amount, int year, BudgetNature nature)
    {
        var fiche = Single($"Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\n{sentence}");

        var line = fiche.Content.Budget.Lines.ShouldHaveSingleItem();
        (line.Amount, line.Year, line.Nature).ShouldBe((amount, year, nature));
        fiche.Report.FiguresExtracted.ShouldHaveSingleItem().Year.ShouldBe(year);
    }

    [Theory]
    [InlineData("En 2023, des aides de maximum 30 000 euros par structure.", LegacyFigureIssue.Cap)]
    [InlineData("En 2023, des aides plafonnées à 30 000 euros.", LegacyFigureIssue.Cap)]
    [InlineData("En 2023, entre 10 000 et 20 000 € par an.", LegacyFigureIssue.Range)]
    [InlineData("Le budget s’élève à 400 000 € pour le fonctionnement.", LegacyFigureIssue.NoYear)]
    [InlineData("Entre 2018 et 2020, 400 000 € ont été engagés.", LegacyFigureIssue.SeveralYears)]
    public void Parse_AmountThatIsNotABudget_StaysNarrativeWithItsReason(string sentence, LegacyFigureIssue issue)
    {
        var fiche = Single($"Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\n{sentence}");

        fiche.Content.Budget.Lines.ShouldBeEmpty();
        fiche.Content.Budget.Narrative.ShouldBe(sentence);
        fiche.Report.FiguresNotExtracted[^1].Issue.ShouldBe(issue);
    }

    [Theory]
    [InlineData("298 154 habitants", 298_154)]
    [InlineData("5 559 051", 5_559_051)]
    [InlineData("8459", 8459)]
    [InlineData("12\u202F345\u00A0hab.", 12_345)]
    [InlineData("45 000 habitants (2020)", 45_000)]
    public void Parse_PopulationAsWritten_GivesTheNumber(string written, int population)
    {
        var fiche = Single($"Ville de Test\n\nType de collectivité\nCommune\nNombre d'habitants sur le territoire\n{written}\nAdresse\n\n1 place de la Mairie\n");

        fiche.Population.ShouldBe(population);
        fiche.Kind.ShouldBe(TenantKind.Commune);
        fiche.Address.ShouldBe("1 place de la Mairie");
    }

    [Theory]
    [InlineData("Communauté d'agglomération de La Rochelle", TenantKind.CommunauteAgglomeration)]
    [InlineData("Lorient Agglomération", TenantKind.CommunauteAgglomeration)]
    [InlineData("Communauté urbaine de Dunkerque", TenantKind.CommunauteUrbaine)]
    [InlineData("Nantes Métropole", TenantKind.Metropole)]
    [InlineData("Département de la Gironde", TenantKind.Departement)]
    [InlineData("Région Nouvelle-Aquitaine", TenantKind.Region)]
    [InlineData("Établissement public territorial Plaine Commune", TenantKind.EtablissementPublicTerritorial)]
    [InlineData("Communauté de communes de l'île d'Oléron", TenantKind.CommunauteDeCommunes)]
    public void Parse_NameWithoutType_TakesTheKindFromTheName(string name, TenantKind kind)
    {
        var fiche = Single($"{name}\n\nFiche en cours de rédaction\n\nAnnée d'adhésion au RTES: 2019");

        (fiche.SourceName, fiche.Kind, fiche.InProgress, fiche.MembershipYear).ShouldBe((name, kind, true, 2019));
    }

    [Fact]
    public void Parse_NarrativeSubheadingBeforeAHeading_IsNotTakenForANewFiche()
    {
        const string text = "Ville de Test\n\nProgramme d’intervention dans le champ de l’ESS\n\nLes orientations du SRDEII\n\n"
            + "Exemples d’actions soutenues par la collectivité\n\nRetrouvez la présentation de \"la stratégie\"\n\nAnnée d'adhésion au RTES: 2012";

        var fiche = Single(text);

        fiche.Content.Programme.Narrative.ShouldBe("Les orientations du SRDEII");
        fiche.Content.Actions.ShouldHaveSingleItem().Title.ShouldBe("Retrouvez la présentation de \"la stratégie\"");
        fiche.MembershipYear.ShouldBe(2012);
    }

    [Theory]
    [InlineData("Le Mois de l’ESS", "Année d'adhésion au RTES: 2012")]
    [InlineData("Métropole et territoires", "Programme d’intervention dans le champ de l’ESS")]
    [InlineData("Les Rencontres Européennes", "Type de collectivité")]
    public void Parse_CapitalisedLineBeforeAHeadingOfTheSameFiche_StaysInTheFiche(string line, string heading)
    {
        var text = $"Ville de Test\n\nExemples d’actions soutenues par la collectivité\n\nUn marché de producteurs.\n\n{line}\n\n{heading}\nTexte.";

        var fiche = Single(text);

        fiche.Report.Lines.Single(l => l.Text == line).Role.ShouldBe(LegacyLineRole.Action);
        fiche.Content.Actions.ShouldContain(a => a.Title == line || (a.Description ?? "").Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NameAfterACompleteFiche_StartsTheNextFicheWhateverItsForm()
    {
        const string text = "Ville de Test\n\nType de collectivité\nCommune\n\nContact public\n\nÉlu : Paul Durand\n\n"
            + "Plaine Commune\n\nPanorama de l’ESS sur le territoire\n\nTexte.\n\nLes Ateliers du Nord\n\nExemples d’actions soutenues par la collectivité\n\nUn atelier.";

        var result = LegacyFicheParser.Parse(text);

        result.Fiches.Select(f => f.SourceName).ShouldBe(["Ville de Test", "Plaine Commune"]);
        result.Fiches[1].Content.Panorama.Narrative.ShouldBe("Texte.\n\nLes Ateliers du Nord");
        LegacyLineCoverage.ShouldKeepEveryLine(text, result);
    }

    [Fact]
    public void Parse_NameAfterAnEmptyRegion_StartsTheNextFiche()
    {
        const string text = "Ville de Test\n\nAdresse\n\n1 rue Haute\n75001 Paris\n\nRégion\n\nGrand Besançon Métropole\n\nPanorama de l’ESS sur le territoire\n\nTexte.";

        var result = LegacyFicheParser.Parse(text);

        result.Fiches.Select(f => f.SourceName).ShouldBe(["Ville de Test", "Grand Besançon Métropole"]);
        result.Fiches[0].RegionText.ShouldBeNull();
        result.Fiches[0].Address.ShouldBe("1 rue Haute\n75001 Paris");
    }

    [Fact]
    public void Parse_RegionWithAValue_KeepsItAsTheRegion()
    {
        var fiche = Single("Ville de Test\n\nRégion\nRégion Grand Est\n\nContact public\n\nÉlu : Paul Durand");

        fiche.RegionText.ShouldBe("Région Grand Est");
        fiche.Content.Contacts.ShouldHaveSingleItem().Name.ShouldBe("Paul Durand");
    }

    [Fact]
    public void Parse_ContactVariants_FillRoleNameTitleServiceAndDetails()
    {
        var fiche = Single("Ville de Test\n\nContact public\n\n"
            + "Élu représentant :\nMarc Petit\nTitre : Adjoint au maire\n"
            + "Vice-présidente déléguée à l’ESS : Anne Roux\n"
            + "Directrice du développement économique : Léa Blanc – lea.blanc@test.fr – 01 23 45 67 89\n"
            + "Responsable ESS : Tom Noir\nService : Économie sociale et solidaire\n"
            + "Voir aussi le site de la ville");

        fiche.Content.Contacts.ShouldBe(
        [
            new Contact { Role = ContactRole.ElectedRepresentative, Name = "Marc Petit", Title = "Adjoint au maire", Consent = ContactConsent.Unknown },
            new Contact { Role = ContactRole.ElectedRepresentative, Name = "Anne Roux", Title = "Vice-présidente déléguée à l’ESS", Consent = ContactConsent.Unknown },
            new Contact
            {
                Role = ContactRole.Officer, Name = "Léa Blanc", Title = "Directrice du développement économique",
                Email = "lea.blanc@test.fr", Phone = "01 23 45 67 89", Consent = ContactConsent.Unknown,
            },
            new Contact { Role = ContactRole.Officer, Name = "Tom Noir", Title = "Responsable ESS", Service = "Économie sociale et solidaire", Consent = ContactConsent.Unknown },
        ]);
        fiche.Report.Lines[^1].Role.ShouldBe(LegacyLineRole.Unplaced);
        fiche.Report.Warnings.ShouldHaveSingleItem().ShouldContain("Voir aussi le site de la ville");
    }

    [Theory]
    [InlineData("Le service compte 18 personnes dont 10 dédiées à l'ESS en 2018.", 10, "10 personnes dédiées (sur 18)")]
    [InlineData("En 2022, 2,5 ETP sont consacrés à l’ESS.", 2.5, "2,5 ETP")]
    [InlineData("Depuis 2019, 3 personnes dédiées à l’ESS.", 3, "3 personnes dédiées à l’ESS")]
    public void Parse_StaffSentence_GivesTheStaffFigure(string sentence, decimal fte, string note)
    {
        var fiche = Single($"Ville de Test\n\nBudget / Moyens affectés à l’ESS\n\n{sentence}");

        var staff = fiche.Content.Budget.Staff.ShouldNotBeNull();
        (staff.Fte, staff.Note).ShouldBe((fte, note));
    }

    [Fact]
    public void Parse_PanoramaFigureWithoutYear_IsReportedNotExtracted()
    {
        var fiche = Single("Ville de Test\n\nPanorama de l’ESS sur le territoire\n\nL’ESS représente 14 % de l’emploi privé.\n\n"
            + "Données 2019 :\n\n• 1 200 salariés\n\nDonnées 2020 :\n\n• 15 % de l’emploi privé dans l’ESS");

        fiche.Content.Panorama.Figures.ShouldBe(
        [
            new KeyFigure { IndicatorCode = "ess_employees", Label = "Salariés", Value = 1_200m, Unit = FigureUnit.Persons, Year = 2019 },
            new KeyFigure
            {
                IndicatorCode = "ess_share_private_jobs", Label = "Part de l'ESS dans l'emploi privé", Value = 15m,
                Unit = FigureUnit.Percent, Year = 2020,
            },
        ]);
        var undated = fiche.Report.FiguresNotExtracted.ShouldHaveSingleItem();
        (undated.Figure, undated.Issue).ShouldBe(("14 % de l’emploi privé", (LegacyFigureIssue?)LegacyFigureIssue.NoYear));
    }

    private static LegacyFiche Single(string text)
    {
        var result = LegacyFicheParser.Parse(text);
        LegacyLineCoverage.ShouldKeepEveryLine(text, result);
        return result.Fiches.ShouldHaveSingleItem();
    }
}
