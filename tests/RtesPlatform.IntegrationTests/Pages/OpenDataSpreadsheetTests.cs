using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>The open-data sets as spreadsheets: XLSX and CSV for Excel, the same rows as the CSV.</summary>
public sealed partial class OpenDataTests
{
    private const string SpreadsheetFormula = "=HYPERLINK(\"http://evil.example\",\"Tableur\")";

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadBytesAsync(string path)
    {
        var response = await site.Factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ValuesXlsx_SameRowsAsTheCsv_NumbersTypedYearsIntegersUnitsInFrench_DefinitionsSheet()
    {
        await GenerateAsync();

        var (response, bytes) = await DownloadBytesAsync("/donnees-ouvertes/valeurs.xlsx");
        var (_, csvLines) = await CsvAsync("/donnees-ouvertes/valeurs.csv");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileName.ShouldEndWith(".xlsx");
        var file = XlsxFile.Read(bytes);
        file.Errors.ShouldBeEmpty();
        file.SheetNames.ShouldBe(["Valeurs des indicateurs", "Définitions"]);
        var rows = file.Rows("Valeurs des indicateurs");
        rows.Count.ShouldBe(csvLines.Count);
        rows[0].Select(c => c.Text).ShouldBe(
        [
            "SIREN", "Code INSEE", "Collectivité", "Type", "Indicateur", "Année", "Valeur", "Unité", "Population",
            "Millésime de la population", "Source", "Adresse de la source", "Origine", "Mise à jour (UTC)",
        ]);
        // CA de La Rochelle, social_clause_fte 2022 = 140 (as in the CSV test)
        var rochelle = rows.First(r => r[0].Text == "241700434" && r.Any(c => c.Text == "social_clause_fte") && r.Any(c => c.Text == "2022"));
        var cells = rochelle.ToDictionary(c => new string([.. c.Reference.TakeWhile(char.IsLetter)]));
        cells["A"].Type.ShouldBe(CellValues.InlineString);  // the SIREN stays text
        cells["F"].ShouldBe(new XlsxCell(cells["F"].Reference, null, 1, "2022"));  // the year: an integer, format "0"
        cells["G"].ShouldBe(new XlsxCell(cells["G"].Reference, null, 3, "140"));  // no trailing zeros, "#,##0"
        cells["H"].Text.ShouldBe("ETP");  // "Fte" in the CSV
        cells["I"].Type.ShouldBeNull();
        cells["N"].NumberFormatId.ShouldBe(164u);  // a date
        rows.Skip(1).ShouldAllBe(r => r.Where(c => c.Reference.StartsWith('G')).All(c => c.Type == null));
        var definitions = file.Rows("Définitions").Select(r => string.Join(" | ", r.Select(c => c.Text))).ToList();
        definitions.ShouldContain("Valeur | Valeur (point décimal) | valeur | nombre");
        definitions.ShouldContain(l => l.StartsWith("Licence | Licence Ouverte", StringComparison.Ordinal));
        var definition = await site.Database.QueryAsAdminAsync<string>("SELECT definition FROM indicators WHERE code = 'social_clause_fte'");
        definitions.ShouldContain(l => l.StartsWith("Indicateur social_clause_fte | ", StringComparison.Ordinal) && l.EndsWith(definition, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValuesCsv_NumbersWithoutTrailingZeros()
    {
        await GenerateAsync();

        var (_, lines) = await CsvAsync("/donnees-ouvertes/valeurs.csv");
        using var json = await site.Factory.CreateClient().GetAsync("/donnees-ouvertes/valeurs.json");
        var text = await json.Content.ReadAsStringAsync();

        lines.ShouldContain(l => l.Contains(",\"social_clause_fte\",2022,140,\"Fte\",", StringComparison.Ordinal));
        lines.ShouldAllBe(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @",-?\d+\.\d*0,"));
        text.ShouldNotMatch(@"""valeur"":-?\d+\.\d*0[,}]");
    }

    [Fact]
    public async Task ExcelCsv_BomSemicolonDecimalComma_SameRowsAsTheCsv()
    {
        var tenant = await site.Database.CreateTenantAsync(TestSirens.Next());
        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                IndicatorCode = "social_clause_fte", Year = 2007, Value = 12.5m, Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual, SourceTitle = "Rapport ; annuel", UpdatedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
            });
            await db.SaveChangesAsync();
        });
        await GenerateAsync();

        var (response, bytes) = await DownloadBytesAsync("/donnees-ouvertes/valeurs.csv-excel");
        var (_, csvLines) = await CsvAsync("/donnees-ouvertes/valeurs.csv");

        response.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.FileName.ShouldEndWith("-excel.csv");
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = SplitRecords(Encoding.UTF8.GetString(bytes[3..])).ToList();
        lines.Count.ShouldBe(csvLines.Count);
        lines[0].ShouldBe(csvLines[0].Replace(',', ';'));
        var row = lines.Single(l => l.StartsWith($"\"{tenant.Siren}\";", StringComparison.Ordinal));
        row.ShouldContain(";\"social_clause_fte\";2007;12,5;\"Fte\";");
        row.ShouldContain(";\"Rapport ; annuel\";");
        row.ShouldContain(";2026-03-04 05:06:07");
    }

    [Fact]
    public async Task FormulaLikeActionTitleAndSource_AreNeutralised_InCsvCsvForExcelAndXlsx()
    {
        var tenant = await site.Database.CreateTenantAsync(TestSirens.Next());
        await site.Database.SaveAndPublishAsync(tenant, FicheSamples.WithMarker("tableur") with
        {
            Actions = [new SupportedAction { Title = SpreadsheetFormula, Description = "+33 1 23 45 67 89", Themes = ["iae"], Amount = 2500.50m }],
        });
        await GenerateAsync();

        var (_, csv) = await CsvAsync("/donnees-ouvertes/actions.csv");
        var (_, excel) = await DownloadBytesAsync("/donnees-ouvertes/actions.csv-excel");
        var (_, xlsx) = await DownloadBytesAsync("/donnees-ouvertes/actions.xlsx");

        var quoted = "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Tableur\"\")\"";
        var csvRow = csv.Single(l => l.Contains(tenant.Slug, StringComparison.Ordinal));
        csvRow.ShouldContain($",{quoted},\"iae\",");
        csvRow.ShouldContain(",2500.5,");
        csvRow.ShouldContain(",\"'+33 1 23 45 67 89\",");
        var excelRow = SplitRecords(Encoding.UTF8.GetString(excel[3..])).Single(l => l.Contains(tenant.Slug, StringComparison.Ordinal));
        excelRow.ShouldContain($";{quoted};\"iae\";");
        excelRow.ShouldContain(";2500,5;");
        excelRow.ShouldContain(";\"'+33 1 23 45 67 89\";");
        var file = XlsxFile.Read(xlsx);
        file.Errors.ShouldBeEmpty();
        var row = file.Rows("Actions soutenues").Single(r => r.Any(c => c.Text == tenant.Slug));
        row.Select(c => c.Text).ShouldContain("'" + SpreadsheetFormula);
        row.Select(c => c.Text).ShouldContain("'+33 1 23 45 67 89");
        row.ShouldContain(c => c.Text == "2500.5" && c.Type == null && c.NumberFormatId == 4);
    }

    [Theory]
    [InlineData("/donnees-ouvertes/fiches.xlsx", "se télécharge en json")]
    [InlineData("/donnees-ouvertes/fiches.csv-excel", "se télécharge en json")]
    [InlineData("/donnees-ouvertes/valeurs.xls", "se télécharge en csv, json, xlsx, csv-excel")]
    [InlineData("/donnees-ouvertes/inconnu.xlsx", "Ce jeu de données n’existe pas")]
    public async Task UnknownSetOrFormat_NotFound_WithTheFormatsOffered(string path, string message)
    {
        using var response = await site.Factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }
}
