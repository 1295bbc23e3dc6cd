using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as an XLSX workbook, row by row (memory stays flat whatever
/// the number of rows): sheet 1 holds a header row of French labels (frozen) then the rows —
/// numbers as numeric cells in formats Excel localises ("185 015", "0,87"), years as integers,
/// dates as dates, text as inline strings neutralised by <see cref="SpreadsheetText"/>; the last
/// sheet, "Définitions", describes each column and carries the table's notes (indicator, sources,
/// licence). Rows beyond Excel's 1 048 576 per sheet continue on "… (2)", "… (3)".
/// Writes synchronously: give it a file or a memory stream, then copy that to a response.
/// </summary>
public sealed class XlsxWriter : IRowWriter
{
    public const int MaxRowsPerSheet = 1_048_576;
    public const string DefinitionsSheet = "Définitions";

    private static readonly Row _row = new();
    private static readonly Cell _cellElement = new();
    private static readonly CellValue _value = new();
    private static readonly InlineString _inline = new();
    private static readonly Text _text = new();
    private static readonly OpenXmlAttribute _preserve = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    private readonly ZipArchive _zip;
    private readonly ExportTable _table;
    private readonly DateTimeOffset _generatedAt;
    private readonly int _rowsPerSheet;
    private readonly string[] _columnNames;
    private readonly List<string> _sheetNames = [];
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private Stream? _entry;
    private OpenXmlWriter? _sheet;
    private int _rowIndex;
    private int _cell;
    private bool _rowOpen;
    private bool _completed;

    public XlsxWriter(Stream output, ExportTable table, DateTimeOffset generatedAt)
        : this(output, table, generatedAt, MaxRowsPerSheet)
    {
    }

    /// <summary>With a smaller sheet size, so that tests can see rows continue on a second sheet.</summary>
    internal XlsxWriter(Stream output, ExportTable table, DateTimeOffset generatedAt, int rowsPerSheet)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 2);
        _table = table;
        _generatedAt = generatedAt;
        _rowsPerSheet = rowsPerSheet;
        _columnNames = [.. Enumerable.Range(0, Math.Max(table.Columns.Count, 4)).Select(ColumnName)];
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        StartDataSheet();
    }

    public void Text(string? value)
    {
        var cell = NextCell();
        if (value is not null)
        {
            WriteText(cell, value, XlsxPackage.General);
        }
    }

    public void Code(string? code, string? label) => Text(label ?? code);

    public void WholeNumber(long? value)
    {
        var cell = NextCell();
        if (value is { } v)
        {
            var style = _table.Columns[cell].Type == ExportType.Year ? XlsxPackage.YearStyle : XlsxPackage.WholeStyle;
            WriteNumber(cell, v.ToString(CultureInfo.InvariantCulture), style);
        }
    }

    public void Number(decimal? value)
    {
        var cell = NextCell();
        if (value is { } v)
        {
            var style = _table.Columns[cell].Type switch
            {
                ExportType.Year => XlsxPackage.YearStyle,
                ExportType.Computed => XlsxPackage.DecimalStyle,
                _ => decimal.IsInteger(v) ? XlsxPackage.WholeStyle : XlsxPackage.DecimalStyle,
            };
            WriteNumber(cell, ExportNumbers.Invariant(v), style);
        }
    }

    public void Number(double? value)
    {
        var cell = NextCell();
        if (value is { } v && double.IsFinite(v))
        {
            var style = _table.Columns[cell].Type is ExportType.Number && Math.Abs(v % 1) == 0 ? XlsxPackage.WholeStyle : XlsxPackage.DecimalStyle;
            WriteNumber(cell, ExportNumbers.Invariant(v), style);
        }
    }

    public void Timestamp(DateTime? value)
    {
        var cell = NextCell();
        if (value is { } v)
        {
            WriteNumber(cell, v.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxPackage.DateStyle);
        }
    }

    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_cell != _table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {_table.Title} has {_cell} cells for {_table.Columns.Count} columns.");
        }

        EndRow();
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return ValueTask.CompletedTask;
        }

        EndSheet();
        WriteDefinitions();
        XlsxPackage.WriteParts(_zip, _sheetNames, _table.Title, _generatedAt);
        _zip.Dispose();
        _completed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _sheet?.Dispose();
        _entry?.Dispose();
        if (!_completed)
        {
            _zip.Dispose();  // an unfinished file: the caller discards it
        }

        return ValueTask.CompletedTask;
    }

    private void StartDataSheet()
    {
        var count = _sheetNames.Count(n => n != DefinitionsSheet);
        var name = SheetName(_table.SheetName);
        StartSheet(count == 0 ? name : $"{name[..Math.Min(name.Length, 26)]} ({count + 1})", [.. _table.Columns.Select(Width)], frozenHeader: true);
        StartRow();
        for (var i = 0; i < _table.Columns.Count; i++)
        {
            WriteText(i, _table.Columns[i].Label, XlsxPackage.Header);
        }

        EndRow();
    }

    private void StartSheet(string name, double[] widths, bool frozenHeader)
    {
        _sheetNames.Add(name);
        _entry = XlsxPackage.OpenEntry(_zip, $"xl/worksheets/sheet{_sheetNames.Count}.xml", _generatedAt);
        _sheet = OpenXmlWriter.Create(_entry);
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement(new Worksheet());
        if (frozenHeader)
        {
            _sheet.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            { WorkbookViewId = 0 }));
        }

        _sheet.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        _sheet.WriteStartElement(new SheetData());
        _rowIndex = 0;
    }

    private void EndSheet()
    {
        if (_sheet is null)
        {
            return;
        }

        _sheet.WriteEndElement();  // sheetData
        _sheet.WriteEndElement();  // worksheet
        _sheet.Close();
        _sheet.Dispose();
        _entry!.Dispose();
        _sheet = null;
        _entry = null;
    }

    /// <summary>One line per column (label, meaning, CSV name, type), then the notes (label, text).</summary>
    private void WriteDefinitions()
    {
        StartSheet(DefinitionsSheet, [30, 90, 26, 20], frozenHeader: false);
        TextRow(XlsxPackage.Title, _table.Title);
        TextRow(XlsxPackage.General);
        TextRow(XlsxPackage.Header, "Colonne", "Définition", "Nom dans le fichier CSV", "Type");
        foreach (var column in _table.Columns)
        {
            TextRow(XlsxPackage.Wrapped, column.Label, column.Description, column.Name, TypeLabel(column.Type));
        }

        if (_table.Notes.Count > 0)
        {
            TextRow(XlsxPackage.General);
            TextRow(XlsxPackage.Header, "Informations");
            foreach (var note in _table.Notes)
            {
                TextRow(XlsxPackage.Wrapped, note.Label, note.Text);
            }
        }

        EndSheet();
    }

    private void TextRow(uint style, params string[] values)
    {
        StartRow();
        for (var i = 0; i < values.Length; i++)
        {
            WriteText(i, values[i], style);
        }

        EndRow();
    }

    private int NextCell()
    {
        if (_cell >= _table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {_table.Title} has more cells than its {_table.Columns.Count} columns.");
        }

        if (!_rowOpen)
        {
            if (_rowIndex == _rowsPerSheet)
            {
                EndSheet();
                StartDataSheet();
            }

            StartRow();
        }

        return _cell++;
    }

    private void StartRow()
    {
        _rowIndex++;
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _rowIndex.ToString(CultureInfo.InvariantCulture)));
        _sheet!.WriteStartElement(_row, _attributes);
        _rowOpen = true;
    }

    private void EndRow()
    {
        if (!_rowOpen)
        {
            StartRow();  // a row of empty cells still takes its line
        }

        _sheet!.WriteEndElement();
        _rowOpen = false;
        _cell = 0;
    }

    private void WriteNumber(int column, string value, uint style)
    {
        StartCell(column, style, inlineString: false);
        _sheet!.WriteStartElement(_value);
        _sheet.WriteString(value);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    private void WriteText(int column, string value, uint style)
    {
        var text = XlsxText.Cell(value);
        StartCell(column, style, inlineString: true);
        _sheet!.WriteStartElement(_inline);
        _attributes.Clear();
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            _attributes.Add(_preserve);
        }

        _sheet.WriteStartElement(_text, _attributes);
        _sheet.WriteString(text);
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
    }

    private void StartCell(int column, uint style, bool inlineString)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", string.Empty, _columnNames[column] + _rowIndex.ToString(CultureInfo.InvariantCulture)));
        if (style != XlsxPackage.General)
        {
            _attributes.Add(new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        }

        if (inlineString)
        {
            _attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
        }

        _sheet!.WriteStartElement(_cellElement, _attributes);
    }

    private static double Width(ExportColumn column) => Math.Clamp(
        Math.Max(column.Label.Length + 3, column.Type switch
        {
            ExportType.Text => 24,
            ExportType.Year => 8,
            ExportType.DateTime => 20,
            _ => 14,
        }), 8, 60);

    private static string TypeLabel(ExportType type) => type switch
    {
        ExportType.WholeNumber => "nombre entier",
        ExportType.Year => "année",
        ExportType.Number => "nombre",
        ExportType.Computed => "nombre décimal",
        ExportType.DateTime => "date et heure (UTC)",
        _ => "texte",
    };

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. XlsxText.Clean(name).Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Données" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
