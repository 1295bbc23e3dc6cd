namespace RtesPlatform.Core.Features.Exports;

/// <summary>The two CSV dialects: RFC 4180 for programs, and the one a French Excel reads on a double click.</summary>
public sealed record CsvDialect(char Separator, char DecimalSeparator, bool ByteOrderMark, string DateTimeFormat)
{
    /// <summary>Comma, decimal point, UTF-8 without BOM, ISO 8601 UTC dates (2026-11-22T09:30:00Z).</summary>
    public static CsvDialect Standard { get; } = new(',', '.', ByteOrderMark: false, "yyyy-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>Semicolon, decimal comma, UTF-8 with BOM (so Excel reads the accents), dates Excel recognises (2026-11-22 09:30:00, UTC).</summary>
    public static CsvDialect Excel { get; } = new(';', ',', ByteOrderMark: true, "yyyy-MM-dd HH:mm:ss");
}
