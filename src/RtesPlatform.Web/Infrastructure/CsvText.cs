using System.Globalization;
using System.Text;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>
/// A small RFC 4180 writer for the open exports: comma separator, CRLF line ends, every text field
/// quoted (so that codes such as "01053" stay text with their leading zero), numbers unquoted with
/// a decimal point, empty for a missing value.
/// </summary>
public sealed class CsvText
{
    private readonly StringBuilder _text = new();
    private bool _lineStarted;

    public CsvText Text(string? value)
    {
        Separator();
        if (value is not null)
        {
            _text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return this;
    }

    public CsvText Number(decimal? value) => Raw(value is { } v ? ComparisonFormat.Invariant(v) : null);

    public CsvText Number(double? value) => Raw(value?.ToString("R", CultureInfo.InvariantCulture));

    public CsvText Number(long? value) => Raw(value?.ToString(CultureInfo.InvariantCulture));

    public CsvText Header(params string[] names)
    {
        foreach (var name in names)
        {
            Raw(name);
        }

        return EndLine();
    }

    public CsvText EndLine()
    {
        _text.Append("\r\n");
        _lineStarted = false;
        return this;
    }

    public override string ToString() => _text.ToString();

    private CsvText Raw(string? value)
    {
        Separator();
        _text.Append(value);
        return this;
    }

    private void Separator()
    {
        if (_lineStarted)
        {
            _text.Append(',');
        }

        _lineStarted = true;
    }
}
