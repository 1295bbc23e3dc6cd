using System.Text;

namespace RtesPlatform.Web.Infrastructure.Security;

/// <summary>
/// Characters no value of the application may carry: the C0 controls (NUL included, which
/// PostgreSQL refuses in text), DEL, the C1 controls and lone UTF-16 surrogates (no valid UTF-8
/// encodes them). Tab, line feed and carriage return are text in a form's multi-line fields, and
/// only there (<see cref="Contains"/> with <c>allowLineBreaks</c>).
/// </summary>
public static class ControlCharacters
{
    public static bool Contains(string? text, bool allowLineBreaks)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbidden(text, i, allowLineBreaks))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text without the forbidden characters (tab, line feed and carriage return kept when asked).</summary>
    public static string Strip(string text, bool keepLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Contains(text, keepLineBreaks))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsForbidden(text, i, keepLineBreaks))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsForbidden(string text, int i, bool allowLineBreaks)
    {
        var c = text[i];
        if (c < ' ')
        {
            return !(allowLineBreaks && c is '\t' or '\n' or '\r');
        }

        if (c is >= '\u007f' and <= '\u009f')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
