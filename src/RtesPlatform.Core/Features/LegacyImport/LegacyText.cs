using System.Buffers;
using System.Text;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Text helpers shared by the legacy fiche parser.</summary>
internal static class LegacyText
{
    private static readonly SearchValues<char> _unusual =
        SearchValues.Create("\u2019\u2018\u02BC\u00B4`\u00A0\u202F\u2009\u2007\t");

    /// <summary>
    /// A copy of <paramref name="text"/> of the same length in which typographic apostrophes become
    /// "'" and unusual spaces (no-break, narrow no-break, thin, tab) become " ". Regexes run on this
    /// copy so that offsets stay valid on the original, which is what gets stored (verbatim).
    /// </summary>
    public static string ForMatching(string text)
    {
        var index = text.AsSpan().IndexOfAny(_unusual);
        if (index < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Plain(source[i]);
            }
        });
    }

    /// <summary>
    /// The key a heading or label is compared on: apostrophes unified, whitespace collapsed (and
    /// removed after an apostrophe), lower-case, trailing ":" stripped. Input is already NFC.
    /// </summary>
    public static string Key(string text)
    {
        Span<char> key = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = Plain(raw);
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0 && key[length - 1] != '\'';
                continue;
            }

            if (pendingSpace)
            {
                key[length++] = ' ';
                pendingSpace = false;
            }

            key[length++] = char.ToLowerInvariant(c);
        }

        while (length > 0 && key[length - 1] is ':' or ' ')
        {
            length--;
        }

        return new string(key[..length]);
    }

    /// <summary>Collapses every run of whitespace (including no-break spaces) into one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Line as read, in NFC so that "é" typed as e + combining accent matches the patterns.</summary>
    public static string Canonical(string line)
    {
        var trimmed = line.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    public static bool IsBullet(string line) =>
        line.Length > 1 && (line[0] is '•' or '-' or '*' or '–' or '—' or '·' or '▪' or '◦' or '>'
            || (char.IsAsciiDigit(line[0]) && NumberedPrefix(line)));

    private static bool NumberedPrefix(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i <= 2 && i + 1 < line.Length && line[i] is '.' or ')' && line[i + 1] == ' ';
    }

    private static char Plain(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u00B4' or '`' => '\'',
        '\u00A0' or '\u202F' or '\u2009' or '\u2007' or '\t' => ' ',
        _ => c,
    };
}
