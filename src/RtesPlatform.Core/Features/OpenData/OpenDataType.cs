namespace RtesPlatform.Core.Features.OpenData;

public enum OpenDataType
{
    Text,
    WholeNumber,
    /// <summary>A year or a vintage: a whole number, without thousands separator in spreadsheets.</summary>
    Year,
    Number,
    /// <summary>ISO 8601 date and time in UTC (2026-11-22T09:30:00Z).</summary>
    DateTime,
    /// <summary>A list of codes: separated by ";" in CSV, an array in JSON.</summary>
    TextList,
    /// <summary>A JSON document (JSON files only).</summary>
    Json,
}
