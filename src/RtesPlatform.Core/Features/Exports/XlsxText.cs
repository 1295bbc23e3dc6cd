using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// Text as a spreadsheet cell may hold it: characters XML 1.0 forbids (control characters, lone
/// surrogates) dropped, Excel's "_x0041_" escapes kept literal, at most 32 767 characters (Excel's
/// limit), then neutralised like every spreadsheet text (<see cref="SpreadsheetText"/>).
/// </summary>
internal static partial class XlsxText
{
    public const int MaxLength = 32_767;

    public static string Cell(string value)
    {
        var text = SpreadsheetText.Neutralise(Clean(value));
        if (text.Contains("_x", StringComparison.Ordinal))
        {
            text = ExcelEscape().Replace(text, "_x005F$0");
        }

        if (text.Length > MaxLength)
        {
            var cut = char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
            text = string.Concat(text.AsSpan(0, cut), "…");
        }

        return text;
    }

    /// <summary>The text without the characters an XML document cannot carry.</summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = 0;
        while (i < value.Length && IsValidAt(value, i, out var width))
        {
            i += width;
        }

        if (i == value.Length)
        {
            return value;
        }

        var clean = new StringBuilder(value.Length);
        clean.Append(value, 0, i);
        while (i < value.Length)
        {
            if (IsValidAt(value, i, out var width))
            {
                clean.Append(value, i, width);
                i += width;
            }
            else
            {
                i++;
            }
        }

        return clean.ToString();
    }

    private static bool IsValidAt(string value, int i, out int width)
    {
        width = 1;
        if (XmlConvert.IsXmlChar(value[i]))
        {
            return true;
        }

        if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
        {
            width = 2;
            return true;
        }

        return false;
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex ExcelEscape();
}
