using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class ProgrammeModel(DraftEditor editor, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public ProgrammeForm Form { get; set; } = new();

    protected override FicheSection Section => FicheSection.Programme;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("programme", nameof(Form));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Form = ProgrammeForm.From(draft.Content.Programme);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        var section = Form.ToSection(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form));
        return await SaveAsync(c => c with { Programme = section }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAxisAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Form.Axes.Add(new AxisInput());
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAxisAsync(int index, CancellationToken cancellationToken) =>
        await ChangeAxesAsync(axes => axes.RemoveAt(index), index, cancellationToken);

    public async Task<IActionResult> OnPostMoveAxisUpAsync(int index, CancellationToken cancellationToken) =>
        await ChangeAxesAsync(axes => (axes[index - 1], axes[index]) = (axes[index], axes[index - 1]), index, cancellationToken, minIndex: 1);

    private async Task<IActionResult> ChangeAxesAsync(Action<List<AxisInput>> change, int index, CancellationToken cancellationToken, int minIndex = 0)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        if (index >= minIndex && index < Form.Axes.Count)
        {
            change(Form.Axes);
        }

        return Page();
    }
}
