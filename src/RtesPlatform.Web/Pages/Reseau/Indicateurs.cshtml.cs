using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Pages.Espace;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>The indicator catalogue: list, create (provided by panorama figures), edit (never the code).</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class IndicateursModel(IndicatorCatalogue catalogue, TimeProvider clock) : PageModel
{
    [BindProperty]
    public IndicateursForm Form { get; set; } = new();

    /// <summary>The code of the indicator to edit (<c>?modifier=…</c>).</summary>
    [FromQuery(Name = "modifier")]
    public string? EditCode { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    /// <summary>The indicator being edited, or null when the form creates one.</summary>
    public Indicator? Editing { get; private set; }

    /// <summary>Values exist: the unit can no longer change.</summary>
    public bool UnitLocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Indicators = await catalogue.ListAsync(cancellationToken);
        if (EditCode is null)
        {
            Form = new IndicateursForm { DefaultVisibility = nameof(ValueVisibility.Public), Category = nameof(IndicatorCategory.Autre) };
            return Page();
        }

        if (!await LoadEditingAsync(EditCode, cancellationToken))
        {
            return NotFound();
        }

        Form = IndicateursForm.From(Editing!);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var definition = Form.ToDefinition(Check(), nameof(Form));
        var problems = definition is null ? [] : await catalogue.CreateAsync(definition, cancellationToken);
        return await DoneAsync(definition, problems, $"L’indicateur « {definition?.LabelFr} » a été ajouté au catalogue.", cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (Form.Code is null || !await LoadEditingAsync(Form.Code, cancellationToken))
        {
            return NotFound();
        }

        var definition = Form.ToDefinition(Check(), nameof(Form));
        var problems = definition is null ? [] : await catalogue.UpdateAsync(definition, cancellationToken);
        return problems is null
            ? NotFound()
            : await DoneAsync(definition, problems, $"L’indicateur « {definition?.LabelFr} » a été modifié.", cancellationToken);
    }

    private FormCheck Check() => new(ModelState, clock.GetUtcNow().Year);

    private async Task<IActionResult> DoneAsync(
        IndicatorDefinition? definition, IReadOnlyList<IndicatorProblem> problems, string message, CancellationToken cancellationToken)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
        }

        if (definition is null || problems.Count > 0)
        {
            Indicators = await catalogue.ListAsync(cancellationToken);
            return Page();
        }

        Message = message;
        return Redirect("/reseau/indicateurs");
    }

    private async Task<bool> LoadEditingAsync(string code, CancellationToken cancellationToken)
    {
        Editing = await catalogue.FindAsync(code, cancellationToken);
        if (Editing is null)
        {
            return false;
        }

        UnitLocked = await catalogue.HasValuesAsync(code, cancellationToken);
        return true;
    }
}
