using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Shown when a save was refused because someone saved the draft meanwhile: what the editor
/// typed (still in the form below) and the section as it was saved by the other person.
/// </summary>
public sealed record SectionConflict(
    FicheSection Section, IReadOnlyList<string> Mine, IReadOnlyList<string> Theirs, string? SavedBy, DateTimeOffset SavedAt);
