namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>Collects the figure notes of one fiche while its sections are read.</summary>
internal sealed class LegacyFigureNotes
{
    public List<LegacyFigureNote> Extracted { get; } = [];
    public List<LegacyFigureNote> NotExtracted { get; } = [];

    public void Add(LegacyFigureNote note)
    {
        if (note.Issue is null)
        {
            Extracted.Add(note);
        }
        else
        {
            NotExtracted.Add(note);
        }
    }
}
