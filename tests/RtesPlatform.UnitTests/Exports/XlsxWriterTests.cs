using DocumentFormat.OpenXml.Spreadsheet;
using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.UnitTests.Exports;

public sealed class XlsxWriterTests
{
    private static readonly DateTimeOffset _generatedAt = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    private static readonly ExportTable _table = new("Valeurs de test", "Données",
    [
        new("name", "Collectivité", ExportType.Text, "Nom officiel"),
        new("population", "Population", ExportType.WholeNumber, "Population légale"),
        new("year", "Année", ExportType.Year, "Année de la valeur"),
        new("value", "Valeur", ExportType.Number, "Valeur publiée"),
        new("per_capita", "Valeur par habitant", ExportType.Computed, "Valeur divisée par la population"),
        new("unit", "Unité", ExportType.Text, "Unité"),
        new("updated", "Mise à jour", ExportType.DateTime, "Date de mise à jour"),
    ],
    [new("Indicateur", "Budget consacré à l’ESS (budget_total)"), new("Source", "Compte administratif 2023")]);

    private static async Task<byte[]> WriteAsync(ExportTable table, Func<IRowWriter, Task> rows, int rowsPerSheet = XlsxWriter.MaxRowsPerSheet)
    {
        using var output = new MemoryStream();
        await using (var writer = new XlsxWriter(output, table, _generatedAt, rowsPerSheet))
        {
            await rows(writer);
            await writer.CompleteAsync(CancellationToken.None);
        }

        return output.ToArray();
    }

    private static async Task OneRowAsync(IRowWriter writer, string name, decimal value)
    {
        writer.Text(name);
        writer.WholeNumber(185_015);
        writer.WholeNumber(2023);
        writer.Number(value);
        writer.Number(0.8695652173913043);
        writer.Code("EUR", "€");
        writer.Timestamp(new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc));
        await writer.EndRowAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Workbook_IsValid_WithTypedCellsAHeaderRowAndADefinitionsSheet()
    {
        var bytes = await WriteAsync(_table, async w =>
        {
            await OneRowAsync(w, "CA de La Rochelle", 158000.0000m);
            await OneRowAsync(w, "Est Ensemble", 12.5m);
        });

        var file = XlsxFile.Read(bytes);

        file.Errors.ShouldBeEmpty();
        file.SheetNames.ShouldBe(["Données", "Définitions"]);
        var rows = file.Rows("Données");
        rows.Count.ShouldBe(3);
        rows[0].Select(c => c.Text).ShouldBe(["Collectivité", "Population", "Année", "Valeur", "Valeur par habitant", "Unité", "Mise à jour"]);
        rows[0].ShouldAllBe(c => c.Type == CellValues.InlineString);
        var first = rows[1];
        first[0].ShouldBe(new XlsxCell("A2", CellValues.InlineString, 0, "CA de La Rochelle"));
        first[1].ShouldBe(new XlsxCell("B2", null, 3, "185015"));  // "#,##0"
        first[2].ShouldBe(new XlsxCell("C2", null, 1, "2023"));  // "0": no thousands separator in a year
        first[3].ShouldBe(new XlsxCell("D2", null, 3, "158000"));
        first[4].ShouldBe(new XlsxCell("E2", null, 4, "0.8695652173913043"));  // "#,##0.00"
        first[5].ShouldBe(new XlsxCell("F2", CellValues.InlineString, 0, "€"));
        first[6].Type.ShouldBeNull();
        first[6].NumberFormatId.ShouldBe(164u);
        DateTime.FromOADate(double.Parse(first[6].Text, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(new DateTime(2026, 11, 22, 9, 30, 0), TimeSpan.FromSeconds(1));
        rows[2][3].ShouldBe(new XlsxCell("D3", null, 4, "12.5"));
        var definitions = file.Rows("Définitions").Select(r => r.Select(c => c.Text).ToList()).ToList();
        definitions[0].ShouldBe(["Valeurs de test"]);
        definitions.Select(r => string.Join(" | ", r)).ShouldContain("Année | Année de la valeur | year | année");
        definitions.Select(r => string.Join(" | ", r)).ShouldContain("Indicateur | Budget consacré à l’ESS (budget_total)");
        definitions.Select(r => string.Join(" | ", r)).ShouldContain("Source | Compte administratif 2023");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Relevé\")", "'=HYPERLINK(\"http://evil.example\",\"Relevé\")")]
    [InlineData("+33 relevé", "'+33 relevé")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\u0001=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]  // control characters dropped before the rule applies
    [InlineData("_x0041_", "_x005F_x0041_")]  // Excel would read "_x0041_" as "A"
    public async Task Text_IsNeutralisedAndXmlSafe(string value, string expected)
    {
        var bytes = await WriteAsync(_table, w => OneRowAsync(w, value, 1m));

        var file = XlsxFile.Read(bytes);

        file.Errors.ShouldBeEmpty();
        file.Rows("Données")[1][0].Text.ShouldBe(expected);
    }

    [Fact]
    public async Task NulAndLoneSurrogate_AreDropped()
    {
        var value = new string(['a', '\0', 'b', (char)0xD800, 'c', (char)0xD83D, (char)0xDE00]);  // the pair (😀) stays

        var file = XlsxFile.Read(await WriteAsync(_table, w => OneRowAsync(w, value, 1m)));

        file.Errors.ShouldBeEmpty();
        file.Rows("Données")[1][0].Text.ShouldBe("abc\U0001F600");
    }

    [Fact]
    public async Task RowsBeyondTheSheetLimit_ContinueOnANextSheet_WithTheirHeader()
    {
        var bytes = await WriteAsync(_table, async w =>
        {
            for (var i = 0; i < 5; i++)
            {
                await OneRowAsync(w, $"Membre {i}", i);
            }
        }, rowsPerSheet: 3);

        var file = XlsxFile.Read(bytes);

        file.Errors.ShouldBeEmpty();
        file.SheetNames.ShouldBe(["Données", "Données (2)", "Données (3)", "Définitions"]);
        file.SheetNames.Take(3).SelectMany(s => file.Rows(s).Skip(1)).Select(r => r[0].Text)
            .ShouldBe(["Membre 0", "Membre 1", "Membre 2", "Membre 3", "Membre 4"]);
        file.Rows("Données (3)")[0][0].Text.ShouldBe("Collectivité");
    }

    [Fact]
    public async Task SameRows_SameBytes()
    {
        var first = await WriteAsync(_table, w => OneRowAsync(w, "Est Ensemble", 3m));
        var second = await WriteAsync(_table, w => OneRowAsync(w, "Est Ensemble", 3m));

        second.ShouldBe(first);
    }

    [Fact]
    public async Task ADateOutsideTheZipRange_StillWritesAValidFile()
    {
        using var output = new MemoryStream();
        await using (var writer = new XlsxWriter(output, _table, DateTimeOffset.UnixEpoch))
        {
            await OneRowAsync(writer, "Est Ensemble", 3m);
            await writer.CompleteAsync(CancellationToken.None);
        }

        XlsxFile.Read(output.ToArray()).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task ARowWithTooFewCells_IsRefused()
    {
        using var output = new MemoryStream();
        await using var writer = new XlsxWriter(output, _table, _generatedAt);
        writer.Text("Seule");

        await Should.ThrowAsync<InvalidOperationException>(async () => await writer.EndRowAsync(CancellationToken.None));
    }
}
