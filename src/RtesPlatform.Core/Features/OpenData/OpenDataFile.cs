namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// One generated open-data file (table <c>open_data_files</c>): the gzip-compressed bytes of a set
/// in a format, with what the download headers and the open-data page show. Read through
/// <see cref="OpenDataFiles"/>, which streams the content rather than loading it.
/// </summary>
public sealed class OpenDataFile
{
    public required string SetName { get; set; }

    /// <summary>The format token: "csv", "csv-excel", "xlsx" or "json" (<see cref="Exports.ExportFormat"/>).</summary>
    public required string Format { get; set; }

    /// <summary>When the generation of this file started: its data are at least that recent.</summary>
    public DateTimeOffset GeneratedAt { get; set; }

    public long RowCount { get; set; }

    /// <summary>Size of the file as downloaded (uncompressed).</summary>
    public long ByteCount { get; set; }

    /// <summary>SHA-256 of the uncompressed file, lower-case hex: the ETag.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The file, gzip-compressed. Never load it with EF Core: stream it (<see cref="OpenDataFiles"/>).</summary>
    public byte[] Content { get; set; } = [];
}
