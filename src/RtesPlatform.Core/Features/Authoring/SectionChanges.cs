namespace RtesPlatform.Core.Features.Authoring;

/// <summary>What changed in one section between the published version and the draft, line by line.</summary>
public sealed record SectionChanges(FicheSection Section, IReadOnlyList<DiffLine> Lines)
{
    public int Added => Lines.Count(l => l.Kind == DiffKind.Added);

    public int Removed => Lines.Count(l => l.Kind == DiffKind.Removed);
}
