namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>An opened legacy file: a reader over its text and the encoding it was found in.</summary>
public sealed class LegacyFileText(TextReader reader, string encodingName, string? warning) : IDisposable
{
    public TextReader Reader { get; } = reader;

    /// <summary>"UTF-8", "UTF-8 (BOM)", "UTF-16" or "Windows-1252".</summary>
    public string EncodingName { get; } = encodingName;

    /// <summary>A French warning about the encoding (e.g. a file mixing UTF-8 and Windows-1252), or null.</summary>
    public string? Warning { get; } = warning;

    public void Dispose() => Reader.Dispose();
}
