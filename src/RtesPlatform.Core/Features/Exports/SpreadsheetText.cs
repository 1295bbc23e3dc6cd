namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// The one rule every CSV and spreadsheet export applies to a text cell: a value that a spreadsheet
/// would read as a formula (it begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return) is prefixed with an apostrophe, so Excel and LibreOffice show it as text
/// (OWASP "CSV injection"). Numbers are written as numbers and never pass through here.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && IsFormulaStart(value[0]) ? "'" + value : value;
    }

    public static bool IsFormulaStart(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';
}
