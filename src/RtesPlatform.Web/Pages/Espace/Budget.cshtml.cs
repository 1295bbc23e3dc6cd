using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The budget: its text, its lines as a table (with "carry to next year") and the staff figure.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class BudgetModel(DraftEditor editor, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public BudgetForm Form { get; set; } = new();

    /// <summary>The lines ticked for "Reporter sur l’année suivante".</summary>
    [BindProperty]
    public List<int> Carry { get; set; } = [];

    public int? FocusRow { get; private set; }

    protected override FicheSection Section => FicheSection.Budget;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("budget", nameof(Form));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Form = BudgetForm.From(draft.Content.Budget);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        return await SaveAsync(Form.ToChange(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form)), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddLineAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Form.Lines.Add(new BudgetLineInput { Nature = nameof(BudgetNature.Fonctionnement), Year = FormText.Of(CurrentYear(clock)) });
        FocusRow = Form.Lines.Count - 1;
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

        FocusRow = Form.Lines.Count == 0 ? null : Math.Clamp(index - 1, 0, Form.Lines.Count - 1);
        return Page();
    }

    public async Task<IActionResult> OnPostCarryAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        var before = Form.Lines.Count;
        var first = Form.CarryToNextYear(Carry);
        FocusRow = Form.Lines.Count > before ? first : null;
        Carry = [];
        return Page();
    }

    /// <summary>The staff figure is one object in the fiche (<c>budget.staff.fte</c>) and four fields in the form (<c>Form.StaffFte</c>).</summary>
    protected override string? FieldOf(string path, FormChange change) =>
        path.StartsWith("budget.staff.", StringComparison.Ordinal)
            ? "Form.Staff" + RuleFields.Pascal(path["budget.staff.".Length..])
            : base.FieldOf(path, change);
}
