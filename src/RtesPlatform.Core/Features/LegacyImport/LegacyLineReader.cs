namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Reads the non-empty lines of a text one at a time (nothing else is held in memory), classified,
/// with whether a blank line came before; one line of look-ahead for the fiche boundary rule.
/// </summary>
internal sealed class LegacyLineReader(TextReader reader)
{
    private LegacySourceLine? _peeked;
    private bool _hasPeeked;

    /// <summary>Number of lines read so far, blank ones included.</summary>
    public int LineCount { get; private set; }

    public LegacySourceLine? Next()
    {
        if (_hasPeeked)
        {
            _hasPeeked = false;
            return _peeked;
        }

        return ReadOne();
    }

    public LegacySourceLine? Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = ReadOne();
            _hasPeeked = true;
        }

        return _peeked;
    }

    private LegacySourceLine? ReadOne()
    {
        var blankBefore = false;
        while (reader.ReadLine() is { } raw)
        {
            LineCount++;
            var text = LegacyText.Canonical(raw);
            if (text.Length == 0)
            {
                blankBefore = true;
                continue;
            }

            return LegacyLineClassifier.Classify(LineCount, text, blankBefore);
        }

        return null;
    }
}
