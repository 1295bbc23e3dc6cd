using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// A page that edits one section of the draft. The form carries the draft revision it was
/// loaded from; a save against an older revision shows the conflict instead of overwriting.
/// </summary>
public abstract partial class SectionPageModel(DraftEditor editor) : EspacePageModel
{
    /// <summary>The draft revision the form was loaded from.</summary>
    [BindProperty]
    public int Revision { get; set; }

    [FromQuery(Name = "enregistre")]
    public bool JustSaved { get; set; }

    public SectionConflict? Conflict { get; private set; }

    /// <summary>The fiche's sources, for the source pickers.</summary>
    public IReadOnlyList<Source> Sources { get; private set; } = [];

    protected abstract FicheSection Section { get; }

    /// <summary>The fiche rules' paths this page edits (<c>panorama</c>) and the form prefix they map to (<c>Form</c>).</summary>
    protected abstract (string JsonPrefix, string FormPrefix) RuleScope { get; }

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


    protected Task<IActionResult> SaveAsync(Func<FicheContent, FicheContent> change, CancellationToken cancellationToken, string? pageName = null) =>
        SaveAsync(new FormChange(change, []), cancellationToken, pageName);

    /// <summary>
    /// Saves the section; or shows the form as typed with the messages next to their fields (the
    /// form's own for text that is not a number or a year, the fiche rules' for the rest, both at
    /// once); or shows the conflict with both versions.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(FormChange change, CancellationToken cancellationToken, string? pageName = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!ModelState.IsValid)
        {
            ShowRuleErrors(await editor.CheckAsync(change.Apply, cancellationToken), change);
            return Page();
        }

        var result = await WriteAsync(change.Apply, cancellationToken);
        if (result.Saved)
        {
            return RedirectToPage(pageName, new { slug = Slug, enregistre = true });
        }

        if (result.IsInvalid)
        {
            ShowRuleErrors(result.Errors, change);
            return Page();
        }

        var theirs = result.Draft;
        Conflict = new SectionConflict(
            Section,
            SectionText.Lines(change.Apply(theirs.Content), Section),
            SectionText.Lines(theirs.Content, Section),
            theirs.UpdatedBy,
            theirs.UpdatedAt);

        // Saving again now deliberately replaces the version shown as saved meanwhile.
        ModelState.Remove(nameof(Revision));
        Revision = theirs.Revision;
        Sources = theirs.Content.Sources;
        return Page();
    }

    /// <summary>Writes the change: this page's section (a page spanning several sections overrides it).</summary>
    protected virtual Task<DraftSaveResult> WriteAsync(Func<FicheContent, FicheContent> apply, CancellationToken cancellationToken) =>
        editor.SaveSectionAsync(Section, Revision, apply, CurrentUser, cancellationToken);

    /// <summary>The form key of a rule's path on this page, or null to show its message above the form.</summary>
    protected virtual string? FieldOf(string path, FormChange change)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(change);
        // A source created from a row: its messages go to that row's new-source fields.
        if (NewSourcePath().Match(path) is { Success: true } match
            && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - Sources.Count is var j
            && j >= 0 && j < change.NewSourceRows.Count)
        {
            return change.NewSourceRows[j] + RuleFields.Pascal(match.Groups[2].Value);
        }

        var (jsonPrefix, formPrefix) = RuleScope;
        return RuleFields.ToFormKey(path, jsonPrefix, formPrefix);
    }

    private void ShowRuleErrors(IReadOnlyList<FicheRuleError> errors, FormChange change)
    {
        foreach (var error in errors)
        {
            var key = FieldOf(error.Path, change);
            if (key is null)
            {
                ModelState.AddModelError(string.Empty, $"{char.ToUpper(error.Where[0], CultureInfo.InvariantCulture)}{error.Where[1..]} : {error.Message}");
            }
            else if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            {
                // A field whose text could not be read keeps that message only.
                ModelState.AddModelError(key, error.Message);
            }
        }
    }

    [GeneratedRegex(@"^sources\[(\d+)\](\..+)$")]
    private static partial Regex NewSourcePath();
}
