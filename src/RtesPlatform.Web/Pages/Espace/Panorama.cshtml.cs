using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// The panorama: its text and its key figures as a table (one row per figure), with "carry to next
/// year" for the yearly update. Adding, removing or carrying rows redraws the form as typed, focused
/// on the row concerned (the buttons' target carries the row's anchor).
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class PanoramaModel(DraftEditor editor, IndicatorCatalogue catalogue, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public PanoramaForm Form { get; set; } = new();

    /// <summary>The rows ticked for "Reporter sur l’année suivante".</summary>
    [BindProperty]
    public List<int> Carry { get; set; } = [];

    /// <summary>The row to focus after a change of rows (0-based), if any.</summary>
    public int? FocusRow { get; private set; }

    /// <summary>The catalogue indicators a figure may be tagged with, for the pickers.</summary>
    public IReadOnlyList<Indicator> FigureIndicators { get; private set; } = [];

    protected override FicheSection Section => FicheSection.Panorama;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("panorama", nameof(Form));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: true, cancellationToken);
        Form = PanoramaForm.From(draft.Content.Panorama);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        return await SaveAsync(Form.ToChange(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form)), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddFigureAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Form.Figures.Add(new KeyFigureInput { Unit = nameof(FigureUnit.Count), Year = FormText.Of(CurrentYear(clock)) });
        FocusRow = Form.Figures.Count - 1;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveFigureAsync(int index, CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        if (index >= 0 && index < Form.Figures.Count)
        {
            Form.Figures.RemoveAt(index);
        }

        FocusRow = Form.Figures.Count == 0 ? null : Math.Clamp(index - 1, 0, Form.Figures.Count - 1);
        return Page();
    }

    /// <summary>Copies the ticked rows to the next year with the value empty, ready to type.</summary>
    public async Task<IActionResult> OnPostCarryAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        var before = Form.Figures.Count;
        var first = Form.CarryToNextYear(Carry);
        FocusRow = Form.Figures.Count > before ? first : null;
        Carry = [];
        return Page();
    }

    private async Task<FicheDraft> LoadAsync(bool setRevision, CancellationToken cancellationToken)
    {
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        return await LoadDraftAsync(setRevision, cancellationToken);
    }
}
