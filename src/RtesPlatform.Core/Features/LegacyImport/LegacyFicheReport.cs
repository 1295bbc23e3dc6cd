namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>What the parser found in one fiche, and what it left as text.</summary>
public sealed record LegacyFicheReport
{
    /// <summary>French names of the fields found ("nom", "type de collectivité", "budget"…).</summary>
    public IReadOnlyList<string> FieldsFound { get; init; } = [];
    public IReadOnlyList<string> FieldsMissing { get; init; } = [];
    public IReadOnlyList<LegacyFigureNote> FiguresExtracted { get; init; } = [];
    /// <summary>Figures read but left in the narrative, each with its <see cref="LegacyFigureNote.Issue"/>.</summary>
    public IReadOnlyList<LegacyFigureNote> FiguresNotExtracted { get; init; } = [];
    /// <summary>Paragraphs kept as text: narratives of the sections and text of the actions.</summary>
    public int NarrativeParagraphs { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Every input line of the fiche, verbatim, with where it went.</summary>
    public IReadOnlyList<LegacyLineUse> Lines { get; init; } = [];
}
