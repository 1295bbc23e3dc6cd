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

    /// <summary>The results ticked for "Reporter sur l’année suivante".</summary>
    [BindProperty]
    public List<int> Carry { get; set; } = [];

    public int? FocusRow { get; private set; }

    protected override FicheSection Section => FicheSection.Actions;

    /// <summary>This action's place in the fiche: its index, or the end of the list for a new one.</summary>
    protected override (string JsonPrefix, string FormPrefix) RuleScope =>
        (string.Create(CultureInfo.InvariantCulture, $"actions[{Index ?? _actionCount}]"), nameof(Form));

    private int _actionCount;

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

        var change = Form.ToChange(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form), Index);
        return await SaveAsync(change, cancellationToken, "/Espace/Actions");
    }

    public async Task<IActionResult> OnPostAddResultAsync(CancellationToken cancellationToken) =>
        await ChangeResultsAsync(r =>
        {
            r.Add(new ResultInput { Unit = nameof(FigureUnit.Count), Year = FormText.Of(CurrentYear(clock)) });
            return r.Count - 1;
        }, cancellationToken);

    public async Task<IActionResult> OnPostRemoveResultAsync(int index, CancellationToken cancellationToken) =>
        await ChangeResultsAsync(r =>
        {
            if (index >= 0 && index < r.Count)
            {
                r.RemoveAt(index);
            }

            return r.Count == 0 ? null : Math.Clamp(index - 1, 0, r.Count - 1);
        }, cancellationToken);

    public async Task<IActionResult> OnPostCarryAsync(CancellationToken cancellationToken) =>
        await ChangeResultsAsync(r =>
        {
            var before = r.Count;
            var first = Form.CarryToNextYear(Carry);
            Carry = [];
            return r.Count > before ? first : null;
        }, cancellationToken);

    private async Task<IActionResult> ChangeResultsAsync(Func<List<ResultInput>, int?> change, CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: false, cancellationToken);
        if (!IsValidTarget(draft.Content))
        {
            return NotFound();
        }

        ModelState.Clear();
        FocusRow = change(Form.Results);
        return Page();
    }

    private async Task<FicheDraft> LoadAsync(bool setRevision, CancellationToken cancellationToken)
    {
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var draft = await LoadDraftAsync(setRevision, cancellationToken);
        _actionCount = draft.Content.Actions.Count;
        return draft;
    }

    private bool IsValidTarget(FicheContent content) =>
        Which == New
        || (int.TryParse(Which, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < content.Actions.Count);
}
