using System.Diagnostics;
using System.Text;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

public sealed class LegacyFicheParserBadInputTests
{
    [Fact]
    public void Parse_EmptyText_FailsWithAClearError()
    {
        var result = LegacyFicheParser.Parse("");

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("Le fichier est vide.");
        result.Fiches.ShouldBeEmpty();
    }

    [Fact]
    public void Parse_WhitespaceOnly_FailsWithAClearError()
    {
        var result = LegacyFicheParser.Parse("  \n\t\n\u00A0\n\r\n");

        result.Error.ShouldBe("Le fichier ne contient que des espaces ou des lignes vides.");
    }

    [Fact]
    public void Parse_TextWithoutAnyFiche_FailsAndKeepsTheTextInTheReport()
    {
        const string text = "Compte rendu de la réunion du 3 mars.\n\nLes participants ont échangé sur l'ESS.";

        var result = LegacyFicheParser.Parse(text);

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldStartWith("Aucune fiche RTES reconnue");
        result.FileLines.Select(l => l.Role).ShouldAllBe(r => r == LegacyLineRole.BeforeFirstFiche);
        LegacyLineCoverage.ShouldKeepEveryLine(text, result);
    }

    [Fact]
    public void Parse_SameFicheTwice_KeepsTheFirstAndWarnsAboutTheDuplicate()
    {
        var fiche = string.Join('\n', LegacySamples.Text(LegacySamples.GrandEst).Split('\n')[2..26]);
        var text = fiche + "\n\n" + fiche.Replace("8459", "8460", StringComparison.Ordinal);

        var result = LegacyFicheParser.Parse(text);

        result.Fiches.ShouldHaveSingleItem().Population.ShouldBe(8459);
        result.Duplicates.ShouldHaveSingleItem().Population.ShouldBe(8460);
        result.Warnings.ShouldHaveSingleItem().ShouldBe(
            "Fiche « Communauté de communes Auberive Vingeanne Montsaugeonnais » en double (lignes 1 et 26) : "
            + "la première est gardée, la suivante n'est pas importée.");
        LegacyLineCoverage.ShouldKeepEveryLine(text, result);
    }

    [Fact]
    public void Parse_FiftyMegabyteFile_ParsesEveryRepetitionWithoutBlowingUp()
    {
        var seed = LegacySamples.Bytes(LegacySamples.GrandEst).Concat("\n\n"u8.ToArray()).ToArray();
        var copies = (50 * 1024 * 1024 / seed.Length) + 1;
        var path = Path.Combine(Path.GetTempPath(), $"rtes-legacy-{Guid.NewGuid():N}.txt");
        try
        {
            using (var file = File.Create(path))
            {
                for (var i = 0; i < copies; i++)
                {
                    file.Write(seed);
                }
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            using var stream = File.OpenRead(path);
            using var text = LegacyFileReader.Open(stream);
            var result = LegacyFicheParser.Parse(text.Reader);
            clock.Stop();

            result.Error.ShouldBeNull();
            result.Fiches.Count.ShouldBe(5);
            result.Duplicates.Count.ShouldBe(5 * (copies - 1));
            result.Warnings.Count.ShouldBe(5 * (copies - 1));
            result.Duplicates[^3].SourceName.ShouldBe("Région Grand-Est");
            result.Duplicates[^3].Content.Budget.Lines.ShouldBe(result.Fiches[2].Content.Budget.Lines);

            // Generous bounds that a quadratic algorithm (string concatenation, re-scans) would break.
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore).ShouldBeLessThan(40L * copies * seed.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndNonBreakingSpaces_ReadsTheSameFiche()
    {
        const string text = "Ville de Test\r\n\r\nBudget\u00A0/ Moyens affectés à l\u2019ESS\u202F:\r\nEn 2023 :\r\nFonctionnement\u00A0: 50\u202F000\u00A0€\r\n";

        var fiche = LegacyFicheParser.Parse(text).Fiches.ShouldHaveSingleItem();

        fiche.Content.Budget.Lines.ShouldHaveSingleItem().Amount.ShouldBe(50_000m);
        Encoding.UTF8.GetByteCount(fiche.AllText()).ShouldBeGreaterThan(0);
    }
}
