using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// "Chiffres comparés": the tenant's indicator values. Those of the published fiche are shown
/// read-only with a link to their section; the others are typed, changed and deleted here.
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class IndicateursModel(IndicatorValueEditor editor, IndicatorCatalogue catalogue, TimeProvider clock) : EspacePageModel
{
    [BindProperty]
    public IndicatorValueForm Form { get; set; } = new();

    // Not "page": that name is Razor Pages' own route value.
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The value to change (<c>?indicateur=…&amp;annee=…</c>) or, with <c>supprimer</c>, to delete.</summary>
    [FromQuery(Name = "indicateur")]
    public string? SelectedCode { get; set; }

    [FromQuery(Name = "annee")]
    public int? SelectedYear { get; set; }

    [FromQuery(Name = "supprimer")]
    public bool ConfirmDelete { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IndicatorValuePage Values { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Indicator> Catalogue { get; private set; } = [];
    public IndicatorValueRow? ToDelete { get; private set; }
    public bool Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (SelectedCode is null || SelectedYear is not { } year)
        {
            return Page();
        }

        var value = await editor.FindAsync(SelectedCode, year, cancellationToken);
        if (value is null || value.Origin == ValueOrigin.Fiche)
        {
            return NotFound();
        }

        if (ConfirmDelete)
        {
            ToDelete = new IndicatorValueRow(value, Catalogue.Single(i => i.Code == value.IndicatorCode));
        }
        else
        {
            Form = IndicatorValueForm.From(value);
            Editing = true;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var value = Form.ToValue(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form), Catalogue);
        if (value is null)
        {
            return Page();
        }

        if (await editor.SaveAsync(value, CurrentUser, cancellationToken) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Form)}.{problem.Field}", problem.Message);
            return Page();
        }

        var label = Catalogue.Single(i => i.Code == value.IndicatorCode).LabelFr;
        Message = $"Valeur enregistrée : {label}, {value.Year}.";
        return RedirectToPage(new { slug = Slug });
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? code, int year, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || !await editor.DeleteAsync(code, year, CurrentUser, cancellationToken))
        {
            return NotFound();
        }

        Message = $"Valeur supprimée ({code}, {year}).";
        return RedirectToPage(new { slug = Slug });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Catalogue = await catalogue.ListAsync(cancellationToken);
        Values = await editor.ListAsync(PageNumber, cancellationToken);
    }
}
