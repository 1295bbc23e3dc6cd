using System.Text;
using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.UnitTests.Exports;

public sealed class CsvWriterTests
{
    private static readonly ExportTable _table = new("Test", "Test",
    [
        new("name", "Nom", ExportType.Text, "Nom"),
        new("code", "Code", ExportType.Text, "Code"),
        new("year", "Année", ExportType.Year, "Année"),
        new("value", "Valeur", ExportType.Number, "Valeur"),
        new("ratio", "Ratio", ExportType.Computed, "Ratio"),
        new("at", "Date", ExportType.DateTime, "Date"),
    ], []);

    private static async Task<byte[]> WriteAsync(CsvDialect dialect, string name, decimal value)
    {
        using var output = new MemoryStream();
        await using (var writer = new CsvWriter(output, _table, dialect))
        {
            writer.Text(name);
            writer.Code("EUR", "€");
            writer.WholeNumber(2023);
            writer.Number(value);
            writer.Number(0.5);
            writer.Timestamp(new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc));
            await writer.EndRowAsync(CancellationToken.None);
            writer.Text(null);
            writer.Text(null);
            writer.WholeNumber(null);
            writer.Number((decimal?)null);
            writer.Number(double.NaN);
            writer.Timestamp(null);
            await writer.EndRowAsync(CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        return output.ToArray();
    }

    [Fact]
    public async Task Standard_CommaDecimalPointNoBomNoTrailingZeros()
    {
        var bytes = await WriteAsync(CsvDialect.Standard, "=HYPERLINK(\"x\")", 158000.0000m);

        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes).ShouldBe(
            "name,code,year,value,ratio,at\r\n\"'=HYPERLINK(\"\"x\"\")\",\"EUR\",2023,158000,0.5,2026-11-22T09:30:00Z\r\n,,,,,\r\n");
    }

    [Fact]
    public async Task Excel_BomSemicolonDecimalComma()
    {
        var bytes = await WriteAsync(CsvDialect.Excel, "-2 %", 0.8700m);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe(
            "name;code;year;value;ratio;at\r\n\"'-2 %\";\"EUR\";2023;0,87;0,5;2026-11-22 09:30:00\r\n;;;;;\r\n");
    }

    [Fact]
    public async Task EmptyTable_StillHasItsHeader()
    {
        using var output = new MemoryStream();
        await using (var writer = new CsvWriter(output, _table, CsvDialect.Standard))
        {
            await writer.CompleteAsync(CancellationToken.None);
        }

        Encoding.UTF8.GetString(output.ToArray()).ShouldBe("name,code,year,value,ratio,at\r\n");
    }

    [Theory]
    [InlineData("158000.0000", "158000")]
    [InlineData("0.8700", "0.87")]
    [InlineData("-3.50", "-3.5")]
    [InlineData("0.0000", "0")]
    public void Invariant_DropsTrailingZeros(string stored, string expected) =>
        ExportNumbers.Invariant(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
