using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

[Authorize(Policy = Policies.TenantEditor)]
public sealed class PanoramaModel(DraftEditor editor, IndicatorCatalogue catalogue, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public PanoramaForm Form { get; set; } = new();

    /// <summary>The catalogue indicators a figure may be tagged with, for the pickers and their validation.</summary>
    public IReadOnlyList<Indicator> FigureIndicators { get; private set; } = [];

    protected override FicheSection Section => FicheSection.Panorama;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        Form = PanoramaForm.From(draft.Content.Panorama);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        var section = Form.ToSection(new FormCheck(ModelState, CurrentYear(clock)), nameof(Form), SourceKeys, FigureIndicators);
        return section is null ? Page() : await SaveAsync(c => c with { Panorama = section }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddFigureAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        ModelState.Clear();
        Form.Figures.Add(new KeyFigureInput { Unit = nameof(FigureUnit.Count), Year = FormText.Of(CurrentYear(clock)) });
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveFigureAsync(int index, CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        ModelState.Clear();
        if (index >= 0 && index < Form.Figures.Count)
        {
            Form.Figures.RemoveAt(index);
        }

        return Page();
    }
}
