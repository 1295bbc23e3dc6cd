using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The difference between two versions for one section.</summary>
public sealed record SectionDiff(FicheSection Section, IReadOnlyList<DiffLine> Lines)
{
    public bool HasChanges => Lines.Any(l => l.Kind != DiffKind.Unchanged);
}
