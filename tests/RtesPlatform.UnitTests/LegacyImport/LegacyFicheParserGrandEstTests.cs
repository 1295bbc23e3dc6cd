using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.LegacyImport;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>Each fiche of the real Grand Est export, with what the parser must read from it.</summary>
public sealed class LegacyFicheParserGrandEstTests
{
    private static readonly LegacyParseResult _result = LegacyFicheParser.Parse(LegacySamples.Text(LegacySamples.GrandEst));

    [Fact]
    public void Parse_GrandEstExport_GivesItsFiveFichesAndSetsTheSiteHeaderAside()
    {
        _result.Error.ShouldBeNull();
        _result.Warnings.ShouldBeEmpty();
        _result.Duplicates.ShouldBeEmpty();
        _result.Fiches.Select(f => f.SourceName).ShouldBe(
        [
            "Communauté de communes Auberive Vingeanne Montsaugeonnais",
            "Mulhouse Alsace Agglomération",
            "Région Grand-Est",
            "Conseil départemental des Ardennes",
            "Strasbourg Eurométropole",
        ]);
        _result.FileLines.ShouldHaveSingleItem().ShouldBe(new LegacyLineUse(
            1, "Réseau des collectivités Territoriales pour une Économie Solidaire", LegacyLineRole.SiteHeader));
    }

    [Fact]
    public void Parse_AuberiveFiche_ReadsIdentityFlagAndContacts()
    {
        var fiche = Fiche("Communauté de communes Auberive Vingeanne Montsaugeonnais");

        fiche.Kind.ShouldBe(TenantKind.CommunauteDeCommunes);
        fiche.KindText.ShouldBe("Communauté de communes");
        fiche.Population.ShouldBe(8459);
        fiche.MembershipYear.ShouldBe(2016);
        fiche.InProgress.ShouldBeTrue();
        fiche.Address.ShouldBe("17 chemin des Brosses\n52190 Prauthoy\nFrance");
        fiche.RegionText.ShouldBeNull();
        fiche.Content.Contacts.ShouldBe(
        [
            Elected("Patricia Andriot", "conseillère communautaire"),
            Officer("Eve Bourgeois", "Chargée de mission animatrion territoriale, tourisme"),
        ]);
        fiche.Content.Panorama.Narrative.ShouldBeNull();
        fiche.Content.Budget.Lines.ShouldBeEmpty();
        fiche.Content.Actions.ShouldBeEmpty();
        fiche.Report.FieldsMissing.ShouldBe(["région", "panorama", "budget", "programme", "actions"]);
        fiche.Report.NarrativeParagraphs.ShouldBe(0);
    }

    [Fact]
    public void Parse_MulhouseFiche_KeepsTheDeclaredTypeAndWarnsThatTheNameSaysAgglomeration()
    {
        var fiche = Fiche("Mulhouse Alsace Agglomération");

        fiche.Kind.ShouldBe(TenantKind.Metropole);
        fiche.Report.Warnings.ShouldHaveSingleItem().ShouldContain("ne correspond pas au nom");
        fiche.Population.ShouldBe(275_000);
        fiche.MembershipYear.ShouldBe(2018);
        fiche.InProgress.ShouldBeFalse();
        fiche.Content.Panorama.Narrative.ShouldBe(
            "Retrouvez les données ESS de l'agglomération dans le rapport de l'Agence d'Urbanisme de la Région Mulhousienne (avril 2016): rapport et synthèse");
        fiche.Content.Panorama.Figures.ShouldBeEmpty();
        fiche.Content.Budget.Narrative!.ShouldStartWith("Le territoire mulhousien est par tradition");
        fiche.Content.Budget.Narrative!.Split("\n\n").Length.ShouldBe(3);
        fiche.Content.Budget.Lines.ShouldBeEmpty();
        fiche.Content.Budget.Staff.ShouldBeNull();
        fiche.Content.Programme.Narrative!.ShouldContain("\n\n1. Une volonté de donner à l’économie sociale et solidaire");
        fiche.Content.Actions.Select(a => a.Title).ShouldBe(
        [
            "Un soutien fort à une structure de l’ESS, emblématique du territoire, le 48.",
            "Courts-circuits, une démarche au cœur des valeurs de l’ESS",
            "Le forum nécESSaire",
            "Aux côtés de l’Université de Mulhouse pour son Master ESS et pour la création d’une chaire ESS",
        ]);
        fiche.Content.Actions[2].Description!.ShouldContain("• Comment financer mon projet ?");
        fiche.Content.Contacts.ShouldBe(
        [
            Elected("Cécile Sornin", "conseillère communautaire"),
            Officer("Christophe Devillers", "Directeur de l'attractivité et de l'emploi"),
        ]);
    }

    [Fact]
    public void Parse_RegionGrandEstFiche_ExtractsThe2018BudgetAndStaffButNotFiguresWithoutYear()
    {
        var fiche = Fiche("Région Grand-Est");

        fiche.Kind.ShouldBe(TenantKind.Region);
        fiche.KindText.ShouldBe("Conseil régional");
        fiche.Population.ShouldBe(5_559_051);
        fiche.MembershipYear.ShouldBe(2016);
        fiche.Content.Budget.Lines.ShouldBe(
        [
            new BudgetLine { Label = "Fonctionnement", Amount = 5_800_000m, Year = 2018, Nature = BudgetNature.Fonctionnement },
            new BudgetLine { Label = "Investissement", Amount = 2_000_000m, Year = 2018, Nature = BudgetNature.Investissement },
        ]);
        fiche.Content.Budget.Staff.ShouldBe(new StaffFigure { Fte = 10m, Year = 2018, Note = "10 personnes dédiées (sur 18)" });
        fiche.Content.Budget.Narrative!.ShouldContain("Le budget ESS 2018 s’élève à 5 800 000 €");
        fiche.Content.Panorama.Figures.ShouldBeEmpty();
        Issue(fiche, "15 000 établissements employeurs").ShouldBe(LegacyFigureIssue.NoYear);
        Issue(fiche, "202 000 salariés").ShouldBe(LegacyFigureIssue.NoYear);
        Issue(fiche, "14\u00A0% de l’emploi privé").ShouldBe(LegacyFigureIssue.NoYear);
        Issue(fiche, "95 000 associations").ShouldBe(LegacyFigureIssue.Range);
        Issue(fiche, "135 000 €").ShouldBe(LegacyFigureIssue.Cap);
        Issue(fiche, "400 000 €").ShouldBe(LegacyFigureIssue.OutsideBudgetSection);
        fiche.Content.Panorama.Narrative!.ShouldStartWith("La Région Grand Est, consciente de l’enjeu");
        fiche.Content.Programme.Narrative!.ShouldContain("\n\nLes aides indirectes\u00A0:\n\n");
        (fiche.Content.Programme.PeriodStart, fiche.Content.Programme.PeriodEnd).ShouldBe((2017, 2021));
        fiche.Content.Actions.Count.ShouldBe(3);
        fiche.Content.Actions[1].Title.ShouldStartWith("Par ailleurs, Grand Est Emploi Associatif se fixe pour objectif");
        fiche.Content.Contacts.ShouldBe(
        [
            Elected("Catherine Zuber", "Conseillère déléguée à l’Economie sociale et Solidaire, à la vie associative et à la création d'entreprise"),
            Officer("Aurélie Marand", "Responsable service ESS, artisanat, création, reprise"),
        ]);
    }

    [Fact]
    public void Parse_ArdennesFiche_ExtractsDatedPanoramaFiguresAndOneOfficer()
    {
        var fiche = Fiche("Conseil départemental des Ardennes");

        fiche.Kind.ShouldBe(TenantKind.Departement);
        fiche.Population.ShouldBe(279_715);
        fiche.MembershipYear.ShouldBe(2018);
        fiche.Content.Panorama.Figures.ShouldBe(
        [
            new KeyFigure { Label = "Associations employeurs", Value = 598m, Unit = FigureUnit.Count, Year = 2016 },
            new KeyFigure { IndicatorCode = "scic_count", Label = "SCIC", Value = 2m, Unit = FigureUnit.Count, Year = 2017 },
            new KeyFigure { Label = "Structures agrées", Value = 8m, Unit = FigureUnit.Count, Year = 2017 },
        ]);
        Issue(fiche, "9 SCOP").ShouldBe(LegacyFigureIssue.NoYear);
        Issue(fiche, "8 associations").ShouldBe(LegacyFigureIssue.Ratio);
        Issue(fiche, "3 salariés").ShouldBe(LegacyFigureIssue.Threshold);
        Issue(fiche, "11.9% de l’emploi privé").ShouldBe(LegacyFigureIssue.NotAboutEss);
        Issue(fiche, "6 associations").ShouldBe(LegacyFigureIssue.Breakdown);
        fiche.Content.Panorama.Narrative!.ShouldStartWith("Association\u00A0(donnée 2016) :\n\n• entre 4800 et 5800");
        fiche.Content.Budget.Narrative.ShouldBe("1 chargé de mission ESS depuis le 01/07/2017.");
        fiche.Content.Budget.Staff.ShouldBe(new StaffFigure { Fte = 1m, Year = 2017, Note = "1 chargé de mission ESS" });
        fiche.Content.Budget.Lines.ShouldBeEmpty();
        fiche.Content.Contacts.ShouldBe(
        [
            Elected("Odile Berteloodt", "Vice présidente du Conseil départemental déléguée au Développement Durable"),
            Officer("Charles Dechamps", "Chargé de mission ESS", "Service Emploi et Dynamique d’Insertion Economique Territoriale"),
        ]);
        fiche.Report.FieldsMissing.ShouldBe(["région", "programme", "actions"]);
    }

    [Fact]
    public void Parse_StrasbourgFiche_KeepsTheUndatedMillionAsNarrative()
    {
        var fiche = Fiche("Strasbourg Eurométropole");

        fiche.Kind.ShouldBe(TenantKind.Metropole);
        fiche.Population.ShouldBe(474_524);
        fiche.MembershipYear.ShouldBe(2012);
        fiche.Address.ShouldBe("Centre administratif - Ville et Strasbourg Eurométropole, 1 parc de l’Étoile\n67076 Strasbourg Cedex\nFrance");
        fiche.Content.Budget.Narrative.ShouldBe("1 million d’€");
        fiche.Content.Budget.Lines.ShouldBeEmpty();
        var million = fiche.Report.FiguresNotExtracted.Single(n => n.Figure == "1 million d’€");
        (million.Value, million.Issue).ShouldBe((1_000_000m, LegacyFigureIssue.NoYear));
        fiche.Content.Panorama.Narrative.ShouldBeNull();
        fiche.Content.Programme.Narrative!.ShouldStartWith("La Ville de Strasbourg et la Communauté urbaine se donnent pour objectifs de\u00A0:");
        fiche.Content.Actions.Select(a => a.Title).ShouldContain("Le soutien à la CRES lors du Mois de l’économie sociale et solidaire");
        fiche.Content.Actions.Count.ShouldBe(5);
        fiche.Content.Contacts.ShouldBe(
        [
            Elected("Jeanne Barseghian", "Conseillère communautaire"),
            Officer("Sandra GUILMIN", "Chargée de mission économie sociale et solidaire",
                "Emploi et économie solidaire – Direction du développement économique et de l’attractivité"),
        ]);
    }

    private static LegacyFiche Fiche(string name) => _result.Fiches.Single(f => f.SourceName == name);

    private static LegacyFigureIssue? Issue(LegacyFiche fiche, string figure) =>
        fiche.Report.FiguresNotExtracted.Single(n => n.Figure == figure).Issue;

    private static Contact Elected(string name, string title) =>
        new() { Role = ContactRole.ElectedRepresentative, Name = name, Title = title, Consent = ContactConsent.Unknown };

    private static Contact Officer(string name, string function, string? service = null) =>
        new() { Role = ContactRole.Officer, Name = name, Title = function, Service = service, Consent = ContactConsent.Unknown };
}
