using System.Text;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Turns the bytes of an export into text. A first pass over the stream, in 64 KB chunks, refuses
/// empty and binary files (a NUL byte, or more than 1 % of control characters) and checks whether
/// the bytes are valid UTF-8; the stream is then read again, line by line, as UTF-8 (with or without
/// BOM), UTF-16 (with BOM), or else Windows-1252 — the encoding of older Windows exports.
/// </summary>
public static class LegacyFileReader
{
    private const int ChunkSize = 64 * 1024;
    private const double MaxControlShare = 0.01;

    // Windows-1252 comes from System.Text.Encoding.CodePages, part of the .NET shared framework;
    // asking the provider directly avoids registering it for the whole process.
    private static readonly Encoding _windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is not available.");

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a whole small file (tests, uploads already in memory).</summary>
    public static string ReadAllText(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var text = Open(new MemoryStream(bytes, writable: false));
        return text.Reader.ReadToEnd();
    }

    /// <summary>Opens a stream for <see cref="LegacyFicheParser.Parse(TextReader)"/>; a non-seekable stream is buffered first.</summary>
    /// <exception cref="LegacyImportException">The file is empty or binary.</exception>
    public static LegacyFileText Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }

        var start = stream.Position;
        var sniff = LegacyEncodingSniff.Run(stream, ChunkSize, _strictUtf8);
        stream.Position = start;
        if (sniff.ContentBytes == 0)
        {
            throw new LegacyImportException("Le fichier est vide.");
        }

        if (sniff.Utf16 is { } utf16)
        {
            return new LegacyFileText(new StreamReader(stream, utf16, detectEncodingFromByteOrderMarks: true), "UTF-16", null);
        }

        if (sniff.HasNul || sniff.ControlBytes > sniff.ContentBytes * MaxControlShare)
        {
            throw new LegacyImportException(
                "Le fichier est binaire (image, PDF, tableur…) et non un texte : exportez les fiches du site RTES en texte brut (.txt).");
        }

        if (!sniff.HasNonWhitespace)
        {
            throw new LegacyImportException("Le fichier ne contient que des espaces ou des lignes vides.");
        }

        if (sniff.ValidUtf8)
        {
            var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return new LegacyFileText(reader, sniff.Utf8Bom ? "UTF-8 (BOM)" : "UTF-8", null);
        }

        var warning = sniff.Utf8Sequences > 0
            ? $"Le fichier mélange UTF-8 et Windows-1252 ({sniff.Utf8Sequences} caractère(s) UTF-8) : il est lu en Windows-1252, "
                + "vérifiez les accents."
            : null;
        return new LegacyFileText(new StreamReader(stream, _windows1252, detectEncodingFromByteOrderMarks: false), "Windows-1252", warning);
    }
}
