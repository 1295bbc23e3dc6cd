namespace RtesPlatform.Core.Features.Search;

/// <summary>
/// The markers <c>ts_headline</c> puts around matched words, and their parsing into parts the page
/// renders as encoded text, matched parts inside <c>&lt;mark&gt;</c>. The indexed text never holds
/// a backquote (<c>app.search_plain</c> strips them), so a marker cannot come from a fiche.
/// </summary>
public static class SearchExtract
{
    public const string StartMarker = "`[";
    public const string StopMarker = "]`";

    /// <summary>The extract cut at the markers; <c>Matched</c> parts are the highlighted words.</summary>
    public static IReadOnlyList<(string Text, bool Matched)> Parse(string? extract)
    {
        var parts = new List<(string, bool)>();
        var rest = (extract ?? "").AsSpan();
        while (!rest.IsEmpty)
        {
            var start = rest.IndexOf(StartMarker, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add((rest.ToString(), false));
                break;
            }

            if (start > 0)
            {
                parts.Add((rest[..start].ToString(), false));
            }

            rest = rest[(start + StartMarker.Length)..];
            var stop = rest.IndexOf(StopMarker, StringComparison.Ordinal);
            var matched = stop < 0 ? rest : rest[..stop];
            if (!matched.IsEmpty)
            {
                parts.Add((matched.ToString(), true));
            }

            rest = stop < 0 ? [] : rest[(stop + StopMarker.Length)..];
        }

        return parts;
    }
}
