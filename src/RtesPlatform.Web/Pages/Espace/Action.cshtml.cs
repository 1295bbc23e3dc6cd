using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>Adds (<c>/actions/nouvelle</c>) or edits (<c>/actions/{index}</c>) one supported action.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ActionModel(DraftEditor editor, RtesDbContext db, TimeProvider clock) : SectionPageModel(editor)
{
    public const string New = "nouvelle";

    [FromRoute]
    public string Which { get; set; } = New;

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    public int? Index => Which == New ? null : int.Parse(Which, CultureInfo.InvariantCulture);

    protected override FicheSection Section => FicheSection.Actions;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: true, cancellationToken);
        if (!IsValidTarget(draft.Content))
        {
            return NotFound();
        }

        Form = Index is { } index ? ActionForm.From(draft.Content.Actions[index]) : new ActionForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: false, cancellationToken);
        if (!IsValidTarget(draft.Content))
        {
            return NotFound();
        }

        var themeCodes = Themes.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var action = Form.ToAction(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form), SourceKeys, themeCodes);
        if (action is null)
        {
            return Page();
        }

        var index = Index;
        return await SaveAsync(
            c => c with
            {
                Actions = index is { } i && i < c.Actions.Count
                    ? [.. c.Actions.Select((a, j) => j == i ? action : a)]
                    : [.. c.Actions, action],
            },
            cancellationToken,
            "/Espace/Actions");
    }

    public async Task<IActionResult> OnPostAddResultAsync(CancellationToken cancellationToken) =>
        await ChangeResultsAsync(r => r.Add(new ResultInput { Unit = nameof(FigureUnit.Count), Year = FormText.Of(CurrentYear(clock)) }), cancellationToken);

    public async Task<IActionResult> OnPostRemoveResultAsync(int index, CancellationToken cancellationToken) =>
        await ChangeResultsAsync(r => { if (index >= 0 && index < r.Count) { r.RemoveAt(index); } }, cancellationToken);

    private async Task<IActionResult> ChangeResultsAsync(Action<List<ResultInput>> change, CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        change(Form.Results);
        return Page();
    }

    private async Task<FicheDraft> LoadAsync(bool setRevision, CancellationToken cancellationToken)
    {
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        return await LoadDraftAsync(setRevision, cancellationToken);
    }

    private bool IsValidTarget(FicheContent content) =>
        Which == New
        || (int.TryParse(Which, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < content.Actions.Count);
}
