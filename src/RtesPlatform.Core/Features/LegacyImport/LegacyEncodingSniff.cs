using System.Buffers;
using System.Text;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>What one pass over the bytes of a file tells about its encoding and whether it is text.</summary>
internal sealed record LegacyEncodingSniff(
    long ContentBytes,
    long ControlBytes,
    bool HasNul,
    bool HasNonWhitespace,
    bool ValidUtf8,
    bool Utf8Bom,
    Encoding? Utf16,
    long Utf8Sequences)
{
    public static LegacyEncodingSniff Run(Stream stream, int chunkSize, UTF8Encoding strictUtf8)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(chunkSize);
        var chars = ArrayPool<char>.Shared.Rent(chunkSize + 8);
        try
        {
            var decoder = strictUtf8.GetDecoder();
            long content = 0, control = 0, sequences = 0;
            bool nul = false, nonWhitespace = false, valid = true, bom = false, first = true;
            int read;
            while ((read = stream.Read(bytes, 0, chunkSize)) > 0)
            {
                var span = bytes.AsSpan(0, read);
                if (first)
                {
                    first = false;
                    if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
                    {
                        var utf16 = span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
                        return new LegacyEncodingSniff(Math.Max(0, stream.Length - 2), 0, false, true, false, false, utf16, 0);
                    }

                    if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        bom = true;
                        span = span[3..];
                    }
                }

                content += span.Length;
                for (var i = 0; i < span.Length; i++)
                {
                    var b = span[i];
                    nul |= b == 0;
                    if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) || b == 0x7F)
                    {
                        control++;
                    }

                    nonWhitespace |= b > 0x20 && b != 0x7F;
                    if (b is >= 0xC2 and <= 0xF4 && i + 1 < span.Length && span[i + 1] is >= 0x80 and <= 0xBF)
                    {
                        sequences++;
                    }
                }

                valid = valid && Decodes(decoder, span, chars, flush: false);
            }

            valid = valid && Decodes(decoder, [], chars, flush: true);
            return new LegacyEncodingSniff(content, control, nul, nonWhitespace, valid, bom, null, sequences);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool Decodes(Decoder decoder, ReadOnlySpan<byte> bytes, char[] chars, bool flush)
    {
        try
        {
            decoder.GetChars(bytes, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
