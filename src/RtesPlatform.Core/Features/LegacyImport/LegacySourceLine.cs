namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// A non-empty line of the input: its 1-based number, its text (trimmed, NFC), whether a blank
/// line came before it, what it is on its own, and the value written after a label's ":".
/// </summary>
internal sealed record LegacySourceLine(int Number, string Text, bool BlankBefore, LegacyLineKind Kind, string? InlineValue)
{
    private string? _matching;

    private LegacySourceLine(LegacySourceLine original)
    {
        // A copy made with "with" may change Text: the matching copy is computed again.
        (Number, Text, BlankBefore, Kind, InlineValue) = (original.Number, original.Text, original.BlankBefore, original.Kind, original.InlineValue);
    }

    /// <summary>The text for regexes (<see cref="LegacyText.ForMatching"/>), computed once.</summary>
    public string Matching => _matching ??= LegacyText.ForMatching(Text);

    public bool IsHeadingOrLabel => Kind is not (LegacyLineKind.Text or LegacyLineKind.SiteHeader);

    /// <summary>Lines that may open a fiche right after its name (see <see cref="LegacyFicheBoundary"/>).</summary>
    public bool OpensFiche => Kind is LegacyLineKind.InProgress or LegacyLineKind.MembershipYear
        or LegacyLineKind.TypeLabel or LegacyLineKind.Panorama or LegacyLineKind.Budget
        or LegacyLineKind.Programme or LegacyLineKind.Actions;
}
