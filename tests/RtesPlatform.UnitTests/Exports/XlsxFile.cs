using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace RtesPlatform.UnitTests.Exports;

/// <summary>One cell as the OpenXML SDK reads it: its reference, its type (null: a number), its number format id and its text.</summary>
internal sealed record XlsxCell(string Reference, CellValues? Type, uint NumberFormatId, string Text);

/// <summary>An XLSX file read back with the OpenXML SDK's reader, with the schema validator's errors.</summary>
internal sealed class XlsxFile
{
    private readonly Dictionary<string, List<List<XlsxCell>>> _sheets = new(StringComparer.Ordinal);

    public List<string> SheetNames { get; } = [];

    public List<string> Errors { get; } = [];

    public List<List<XlsxCell>> Rows(string sheet) => _sheets[sheet];

    public static XlsxFile Read(byte[] bytes)
    {
        var file = new XlsxFile();
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        file.Errors.AddRange(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => row.Elements<Cell>().Select(c => new XlsxCell(
                c.CellReference!.Value!,
                c.DataType?.Value,
                c.StyleIndex is { } s ? formats[(int)s.Value].NumberFormatId!.Value : 0,
                c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? string.Empty)).ToList()).ToList();
            file.SheetNames.Add(sheet.Name!.Value!);
            file._sheets[sheet.Name!.Value!] = rows;
        }

        return file;
    }
}
