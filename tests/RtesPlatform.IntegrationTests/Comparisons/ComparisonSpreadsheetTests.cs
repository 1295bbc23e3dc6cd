using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.IntegrationTests.Pages;

namespace RtesPlatform.IntegrationTests.Comparisons;

/// <summary>The comparison views as spreadsheets (XLSX, CSV for Excel), downloaded through the links of the pages.</summary>
public sealed class ComparisonSpreadsheetTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"Relevé\")";

    private async Task RefreshAsync() =>
        await site.Factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);

    private async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(string url)
    {
        var response = await site.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<List<string>> LinksAsync(HttpClient client, string page)
    {
        var (status, document) = await Html.GetAsync(client, page);
        status.ShouldBe(200);
        return [.. document.QuerySelectorAll(".comparison-links a[download]").Select(a => a.GetAttribute("href")!)];
    }

    [Fact]
    public async Task RankingXlsx_SameRowsAsTheCsv_NumbersTypedYearsIntegers_DefinitionsSheet()
    {
        await RefreshAsync();
        var client = site.Factory.CreateClient();
        var (_, page) = await Html.GetAsync(client, "/comparaisons?indicateur=ess_establishments&annee=2018");
        var excel = page.QuerySelectorAll(".comparison-links a").Single(a => a.TextContent == "Télécharger en Excel (XLSX)").GetAttribute("href")!;
        page.QuerySelectorAll(".comparison-links a").Select(a => a.TextContent).ShouldContain("CSV pour Excel (point-virgule)");
        var pageSlugs = page.QuerySelectorAll("table.comparison-table tbody tr").Select(r => r.GetAttribute("data-slug")).ToList();

        var (response, bytes) = await DownloadAsync(excel);
        var (_, csv) = await DownloadAsync(excel.Replace("export.xlsx", "export.csv", StringComparison.Ordinal));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("comparaison-ess_establishments-2018.xlsx");
        var file = XlsxFile.Read(bytes);
        file.Errors.ShouldBeEmpty();
        file.SheetNames.ShouldBe(["Classement", "Définitions"]);
        var rows = file.Rows("Classement");
        rows[0].Select(c => c.Text).ShouldBe(
        [
            "Rang", "Identifiant", "Collectivité", "Type", "SIREN ou code INSEE", "Code région", "Région", "Population",
            "Millésime de la population", "Code de l’indicateur", "Indicateur", "Unité", "Année", "Valeur", "Base par habitants",
            "Valeur pour 10\u202f000\u00a0habitants", "Source", "Adresse de la source", "Visibilité", "Origine",
        ]);
        var csvLines = Encoding.UTF8.GetString(csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Count.ShouldBe(csvLines.Length);
        rows.Skip(1).Select(r => r[1].Text).ShouldBe(pageSlugs!);
        var first = rows[1].ToDictionary(c => new string([.. c.Reference.TakeWhile(char.IsLetter)]));
        first["A"].ShouldBe(new XlsxCell("A2", null, 3, "1"));  // rank: a number
        first["B"].Type.ShouldBe(CellValues.InlineString);
        first["D"].Text.ShouldBe("Région");  // the kind in French ("region" in the CSV)
        first["H"].Type.ShouldBeNull();  // population
        first["I"].NumberFormatId.ShouldBe(1u);  // vintage: an integer without thousands separator
        first["L"].Text.ShouldBe("nombre");
        first["M"].ShouldBe(new XlsxCell("M2", null, 1, "2018"));
        first["N"].ShouldBe(new XlsxCell("N2", null, 3, "15000"));
        first["P"].Type.ShouldBeNull();
        first["P"].NumberFormatId.ShouldBe(4u);  // "#,##0.00"
        var definitions = file.Rows("Définitions").Select(r => string.Join(" | ", r.Select(c => c.Text))).ToList();
        definitions.ShouldContain(l => l.StartsWith("Valeur | Valeur publiée par la collectivité | value | nombre", StringComparison.Ordinal));
        var indicator = await site.Database.QueryAsAdminAsync<string>("SELECT definition FROM indicators WHERE code = 'ess_establishments'");
        definitions.ShouldContain($"Définition | {indicator}");
        definitions.ShouldContain(l => l.StartsWith("Source | ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/comparaisons/groupes?indicateur=budget_total&annee=2012&regroupement=type", "Groupes")]
    [InlineData("/comparaisons/evolution?indicateur=social_clause_fte&membre=ca-la-rochelle", "Évolution")]
    public async Task GroupsAndEvolution_DownloadAsXlsxAndCsvForExcel_WithTheRowsOfTheCsv(string pageUrl, string sheet)
    {
        await RefreshAsync();
        var links = await LinksAsync(site.Factory.CreateClient(), pageUrl);
        var xlsx = links.Single(l => l.Contains("export.xlsx", StringComparison.Ordinal));
        var excelCsv = links.Single(l => l.Contains("export.csv-excel", StringComparison.Ordinal));
        var csv = links.Single(l => l.Contains("export.csv?", StringComparison.Ordinal));

        var (xlsxResponse, xlsxBytes) = await DownloadAsync(xlsx);
        var (excelResponse, excelBytes) = await DownloadAsync(excelCsv);
        var (_, csvBytes) = await DownloadAsync(csv);

        xlsxResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        excelResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        excelResponse.Content.Headers.ContentDisposition!.FileNameStar.ShouldEndWith("-excel.csv");
        var file = XlsxFile.Read(xlsxBytes);
        file.Errors.ShouldBeEmpty();
        file.SheetNames.ShouldBe([sheet, "Définitions"]);
        var csvLines = Encoding.UTF8.GetString(csvBytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var excelLines = Encoding.UTF8.GetString(excelBytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csvLines.Length.ShouldBeGreaterThan(1);
        file.Rows(sheet).Count.ShouldBe(csvLines.Length);
        excelLines.Length.ShouldBe(csvLines.Length);
        excelLines[0].ShouldBe(csvLines[0].Replace(',', ';'));
        var year = file.Rows(sheet)[0].FindIndex(c => c.Text == "Année");
        file.Rows(sheet).Skip(1).ShouldAllBe(r => r.Any(c => c.Reference.StartsWith(((char)('A' + year)).ToString(), StringComparison.Ordinal) && c.Type == null && c.NumberFormatId == 1));
    }

    [Fact]
    public async Task FormulaLikeSourceTitle_IsNeutralised_InCsvCsvForExcelAndXlsx()
    {
        var tenant = await site.Database.CreateTenantAsync(TestSirens.Next());
        await site.Database.RunAsTenantAsync(tenant, async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                TenantId = tenant.Id, IndicatorCode = "budget_total", Year = 1997, Value = 1234.5m, Visibility = ValueVisibility.Public,
                Origin = ValueOrigin.Manual, SourceTitle = Formula, SourceUrl = "@SUM(A1)", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        await RefreshAsync();
        const string Query = "?indicateur=budget_total&annee=1997";

        var (_, csv) = await DownloadAsync("/comparaisons/export.csv" + Query);
        var (excelResponse, excel) = await DownloadAsync("/comparaisons/export.csv-excel" + Query);
        var (_, xlsx) = await DownloadAsync("/comparaisons/export.xlsx" + Query);

        var csvRow = Encoding.UTF8.GetString(csv).Split("\r\n").Single(l => l.Contains(tenant.Slug, StringComparison.Ordinal));
        csvRow.ShouldContain(",1234.5,");
        csvRow.ShouldContain(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Relevé\"\")\",\"'@SUM(A1)\",");
        excelResponse.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        excel.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var excelRow = Encoding.UTF8.GetString(excel[3..]).Split("\r\n").Single(l => l.Contains(tenant.Slug, StringComparison.Ordinal));
        excelRow.ShouldContain(";1234,5;");
        excelRow.ShouldContain(";\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Relevé\"\")\";\"'@SUM(A1)\";");
        var file = XlsxFile.Read(xlsx);
        file.Errors.ShouldBeEmpty();
        var row = file.Rows("Classement").Single(r => r.Any(c => c.Text == tenant.Slug));
        row.Select(c => c.Text).ShouldContain("'" + Formula);
        row.Select(c => c.Text).ShouldContain("'@SUM(A1)");
        row.ShouldContain(c => c.Text == "1234.5" && c.Type == null);
        file.Rows("Définitions").SelectMany(r => r).Select(c => c.Text).ShouldContain("'" + Formula + " — @SUM(A1)");  // only a cell's first character makes a formula
    }

    [Theory]
    [InlineData("/comparaisons/export.xml?indicateur=budget_total&annee=2012", HttpStatusCode.NotFound, "csv, json, xlsx ou csv-excel")]
    [InlineData("/comparaisons/export.XLSX?indicateur=budget_total&annee=2012", HttpStatusCode.NotFound, "n’est pas proposé")]
    [InlineData("/comparaisons/export.xlsx?indicateur=inconnu", HttpStatusCode.BadRequest, "n’existe pas")]
    [InlineData("/comparaisons/export.csv-excel?vue=evolution&indicateur=social_clause_fte", HttpStatusCode.BadRequest, "paramètre membre")]
    [InlineData("/comparaisons/export.xlsx?vue=n-importe&indicateur=budget_total&annee=2012", HttpStatusCode.BadRequest, "La vue demandée n’existe pas")]
    public async Task BadFormatOrParameters_AnswerAClearMessage_NeverAServerError(string url, HttpStatusCode status, string message)
    {
        var (response, bytes) = await DownloadAsync(url);

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        Encoding.UTF8.GetString(bytes).ShouldContain(message);
    }
}
