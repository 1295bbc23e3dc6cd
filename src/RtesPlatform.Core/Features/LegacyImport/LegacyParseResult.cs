using System.Text;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>The fiches of one file, the duplicates set aside, and what concerns the file as a whole.</summary>
public sealed record LegacyParseResult
{
    public IReadOnlyList<LegacyFiche> Fiches { get; init; } = [];
    /// <summary>Later fiches with the name of an earlier one: reported, not imported.</summary>
    public IReadOnlyList<LegacyFiche> Duplicates { get; init; } = [];
    /// <summary>File-level warnings, in French (duplicates, text before the first fiche…).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Why nothing can be imported from the file (in French), or null.</summary>
    public string? Error { get; init; }
    /// <summary>Lines outside any fiche (the site header, text before the first fiche).</summary>
    public IReadOnlyList<LegacyLineUse> FileLines { get; init; } = [];
    /// <summary>Lines read, blank ones included.</summary>
    public int LineCount { get; init; }

    public bool Succeeded => Error is null;

    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var fiche in Fiches.Concat(Duplicates))
        {
            text.Append(fiche.AllText());
        }

        foreach (var line in FileLines)
        {
            text.Append(line.Text).Append('\n');
        }

        return text.ToString();
    }
}
