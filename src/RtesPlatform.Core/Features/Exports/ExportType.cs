namespace RtesPlatform.Core.Features.Exports;

/// <summary>What a column holds, which decides how each format writes it.</summary>
public enum ExportType
{
    /// <summary>Text: quoted in CSV, an inline string in XLSX; always neutralised (<see cref="SpreadsheetText"/>).</summary>
    Text,

    /// <summary>A whole number: "185015"; XLSX format "#,##0" (Excel shows "185 015" in French).</summary>
    WholeNumber,

    /// <summary>A year or a vintage: an integer without thousands separator ("2023").</summary>
    Year,

    /// <summary>A value as stored (amount, count, FTE): no trailing zeros; XLSX "#,##0" when whole, else "#,##0.00".</summary>
    Number,

    /// <summary>A computed figure (per-capita value, quartile): full precision in CSV; XLSX "#,##0.00".</summary>
    Computed,

    /// <summary>A date and time in UTC: ISO 8601 in CSV, a date cell ("aaaa-mm-jj hh:mm:ss") in XLSX.</summary>
    DateTime,
}
