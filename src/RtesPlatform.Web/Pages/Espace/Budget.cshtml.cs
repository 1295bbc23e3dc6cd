using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class BudgetModel(DraftEditor editor, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public BudgetForm Form { get; set; } = new();

    protected override FicheSection Section => FicheSection.Budget;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Form = BudgetForm.From(draft.Content.Budget);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        var section = Form.ToSection(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form), SourceKeys);
        return section is null ? Page() : await SaveAsync(c => c with { Budget = section }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddLineAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Form.Lines.Add(new BudgetLineInput { Nature = nameof(BudgetNature.Fonctionnement), Year = FormText.Of(CurrentYear(clock)) });
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(int index, CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        if (index >= 0 && index < Form.Lines.Count)
        {
            Form.Lines.RemoveAt(index);
        }

        return Page();
    }
}
