namespace RtesPlatform.Core.Features.OpenData;

/// <summary>
/// What is known of a stored file without reading it: the download headers and the page's figures.
/// <c>CompressedLength</c> is the length of the stored gzip bytes (Content-Length of a gzip download).
/// </summary>
public sealed record OpenDataFileInfo(
    string SetName, string Format, DateTimeOffset GeneratedAt, long RowCount, long ByteCount, string Sha256, long CompressedLength);
