namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// The download formats, by the token URLs carry (<c>export.xlsx</c>, <c>valeurs.csv-excel</c>):
/// CSV (RFC 4180: UTF-8 without BOM, comma, decimal point), CSV for Excel (UTF-8 with BOM,
/// semicolon, decimal comma: what a French Excel opens with a double click), XLSX and JSON.
/// </summary>
public sealed record ExportFormat(string Token, string Extension, string ContentType, string Label)
{
    public static ExportFormat Csv { get; } = new("csv", "csv", "text/csv; charset=utf-8", "CSV");

    public static ExportFormat ExcelCsv { get; } = new("csv-excel", "csv", "text/csv; charset=utf-8", "CSV pour Excel (point-virgule)");

    public static ExportFormat Xlsx { get; } = new("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)");

    public static ExportFormat Json { get; } = new("json", "json", "application/json; charset=utf-8", "JSON");

    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Json, Xlsx, ExcelCsv];

    /// <summary>The tabular formats (everything but JSON), written through an <see cref="IRowWriter"/>.</summary>
    public bool IsTabular => this != Json;

    /// <summary>"csv, json, xlsx ou csv-excel": what a message about an unknown format lists.</summary>
    public static string Tokens { get; } = string.Join(", ", All.Take(All.Count - 1).Select(f => f.Token)) + " ou " + All[^1].Token;

    public static ExportFormat? Find(string? token) => All.FirstOrDefault(f => string.Equals(f.Token, token, StringComparison.Ordinal));

    /// <summary>The file name of a download: <c>comparaison-budget_total-2023</c> → <c>….xlsx</c>, or <c>…-excel.csv</c> for CSV for Excel.</summary>
    public string FileName(string stem) => this == ExcelCsv ? $"{stem}-excel.{Extension}" : $"{stem}.{Extension}";

    /// <summary>A writer of this format into <paramref name="output"/> (not JSON). XLSX writes synchronously: give it a file or memory stream.</summary>
    public IRowWriter CreateWriter(Stream output, ExportTable table, DateTimeOffset generatedAt) =>
        this == Csv ? new CsvWriter(output, table, CsvDialect.Standard)
        : this == ExcelCsv ? new CsvWriter(output, table, CsvDialect.Excel)
        : this == Xlsx ? new XlsxWriter(output, table, generatedAt)
        : throw new InvalidOperationException($"{Token} is not a tabular format.");
}
