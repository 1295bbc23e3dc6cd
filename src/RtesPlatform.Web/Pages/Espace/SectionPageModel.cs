using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// A page that edits one section of the draft. The form carries the draft revision it was
/// loaded from; a save against an older revision shows the conflict instead of overwriting.
/// </summary>
public abstract class SectionPageModel(DraftEditor editor) : EspacePageModel
{
    /// <summary>The draft revision the form was loaded from.</summary>
    [BindProperty]
    public int Revision { get; set; }

    [FromQuery(Name = "enregistre")]
    public bool JustSaved { get; set; }

    public SectionConflict? Conflict { get; private set; }

    /// <summary>The fiche's source keys, for the source pickers and their validation.</summary>
    public IReadOnlyList<Source> Sources { get; private set; } = [];

    protected abstract FicheSection Section { get; }

    protected DraftEditor Editor => editor;

    protected async Task<FicheDraft> LoadDraftAsync(bool setRevision, CancellationToken cancellationToken)
    {
        var draft = await editor.GetAsync(cancellationToken);
        if (setRevision)
        {
            Revision = draft.Revision;
        }

        Sources = draft.Content.Sources;
        return draft;
    }

    protected IReadOnlySet<string> SourceKeys => Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Saves the section, or shows the conflict with both versions and the form as typed.</summary>
    protected async Task<IActionResult> SaveAsync(Func<FicheContent, FicheContent> change, CancellationToken cancellationToken, string? pageName = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = await editor.SaveSectionAsync(Section, Revision, change, CurrentUser, cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage(pageName, new { slug = Slug, enregistre = true });
        }

        var theirs = result.Draft;
        Conflict = new SectionConflict(
            Section,
            SectionText.Lines(change(theirs.Content), Section),
            SectionText.Lines(theirs.Content, Section),
            theirs.UpdatedBy,
            theirs.UpdatedAt);

        // Saving again now deliberately replaces the version shown as saved meanwhile.
        ModelState.Remove(nameof(Revision));
        Revision = theirs.Revision;
        Sources = theirs.Content.Sources;
        return Page();
    }
}
