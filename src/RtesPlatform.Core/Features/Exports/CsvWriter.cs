using System.Globalization;
using System.Text;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// The one CSV writer of the platform (comparisons, open data, campaign targets): a header row of
/// column names, CRLF line ends, every text field quoted (codes such as "01053" stay text with their
/// leading zero) and neutralised when a spreadsheet would read it as a formula
/// (<see cref="SpreadsheetText"/>), numbers unquoted without trailing zeros, empty for a missing
/// value; separator, decimal mark, BOM and date format from the <see cref="CsvDialect"/>.
/// Streams: each row is written asynchronously as it ends.
/// </summary>
public sealed class CsvWriter : IRowWriter
{
    private readonly StreamWriter _writer;
    private readonly ExportTable _table;
    private readonly CsvDialect _dialect;
    private readonly StringBuilder _line = new();
    private int _cell;

    public CsvWriter(Stream output, ExportTable table, CsvDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        _table = table;
        _dialect = dialect;
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: dialect.ByteOrderMark), 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
        _line.AppendJoin(dialect.Separator, table.Columns.Select(c => c.Name)).Append("\r\n");  // written with the first row
    }

    public void Text(string? value)
    {
        Separator();
        if (value is not null)
        {
            _line.Append('"').Append(SpreadsheetText.Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
    }

    public void Code(string? code, string? label) => Text(code);

    public void WholeNumber(long? value)
    {
        Separator();
        if (value is { } v)
        {
            _line.Append(v.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Number(decimal? value) => Raw(value is { } v ? ExportNumbers.Invariant(v) : null);

    public void Number(double? value) => Raw(value is { } v && double.IsFinite(v) ? ExportNumbers.Invariant(v) : null);

    public void Timestamp(DateTime? value)
    {
        Separator();
        if (value is { } v)
        {
            _line.Append(DateTime.SpecifyKind(v, DateTimeKind.Utc).ToString(_dialect.DateTimeFormat, CultureInfo.InvariantCulture));
        }
    }

    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        if (_cell != _table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {_table.Title} has {_cell} cells for {_table.Columns.Count} columns.");
        }

        _line.Append("\r\n");
        await _writer.WriteAsync(_line, cancellationToken);
        _line.Clear();
        _cell = 0;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_line.Length > 0)
        {
            await _writer.WriteAsync(_line, cancellationToken);  // the header of an empty table
            _line.Clear();
        }

        await _writer.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private void Raw(string? value)
    {
        Separator();
        if (value is not null)
        {
            _line.Append(_dialect.DecimalSeparator == '.' ? value : value.Replace('.', _dialect.DecimalSeparator));
        }
    }

    private void Separator()
    {
        if (_cell >= _table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {_table.Title} has more cells than its {_table.Columns.Count} columns.");
        }

        if (_cell > 0)
        {
            _line.Append(_dialect.Separator);
        }

        _cell++;
    }
}
