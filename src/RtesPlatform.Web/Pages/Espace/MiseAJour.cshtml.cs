using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// The yearly update on one screen: the panorama's figures and the budget's lines as tables (the
/// latest year's rows ticked for "Reporter sur l’année suivante"), the staff figure, and a new
/// action; saved together (one revision, one audit event per section changed), then on to publishing.
/// Narratives and the other fields of those sections are not on this page: they are kept as saved.
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class MiseAJourModel(DraftEditor editor, IndicatorCatalogue catalogue, RtesDbContext db, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public PanoramaForm Panorama { get; set; } = new();

    [BindProperty]
    public BudgetForm Budget { get; set; } = new();

    [BindProperty]
    public NewActionInput NewAction { get; set; } = new();

    [BindProperty]
    public List<int> CarryFigures { get; set; } = [];

    [BindProperty]
    public List<int> CarryLines { get; set; } = [];

    /// <summary>The input to focus after carrying rows (its id), if any.</summary>
    public string? Focus { get; private set; }

    public IReadOnlyList<Indicator> FigureIndicators { get; private set; } = [];

    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    protected override FicheSection Section => FicheSection.Panorama;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("panorama", nameof(Panorama));

    private int _actionCount;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: true, cancellationToken);
        Panorama = PanoramaForm.From(draft.Content.Panorama);
        Budget = BudgetForm.From(draft.Content.Budget);
    }

    /// <summary>Saves, then goes to the publication summary (which asks for confirmation).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadAsync(setRevision: false, cancellationToken);
        var check = new FormCheck(ModelState, CurrentYear(clock));
        // Not on this page: kept as saved.
        Panorama.Narrative = draft.Content.Panorama.Narrative;
        Budget.Narrative = draft.Content.Budget.Narrative;
        var panorama = Panorama.ToChange(check, nameof(Panorama));
        var budget = Budget.ToChange(check, nameof(Budget));
        var title = FormCheck.Trimmed(NewAction.Title);
        var theme = FormCheck.Trimmed(NewAction.Theme);
        var change = new FormChange(
            c =>
            {
                var next = budget.Apply(panorama.Apply(c));
                return NewAction.IsEmpty
                    ? next
                    : next with { Actions = [.. next.Actions, new SupportedAction { Title = title ?? string.Empty, Themes = theme is null ? [] : [theme] }] };
            },
            [.. panorama.NewSourceRows, .. budget.NewSourceRows]);
        var result = await SaveAsync(change, cancellationToken);
        return result is RedirectToPageResult ? Redirect($"/espace/{Slug}/publier") : result;
    }

    public async Task<IActionResult> OnPostCarryAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        var figures = Panorama.Figures.Count;
        var lines = Budget.Lines.Count;
        var firstFigure = Panorama.CarryToNextYear(CarryFigures);
        var firstLine = Budget.CarryToNextYear(CarryLines);
        Focus = Panorama.Figures.Count > figures ? EspaceForm.Id($"Panorama.Figures[{firstFigure}].Value")
            : Budget.Lines.Count > lines ? EspaceForm.Id($"Budget.Lines[{firstLine}].Amount")
            : null;
        CarryFigures = [];
        CarryLines = [];
        return Page();
    }

    protected override Task<DraftSaveResult> WriteAsync(Func<FicheContent, FicheContent> apply, CancellationToken cancellationToken) =>
        Editor.SaveSectionsAsync(Revision, apply, CurrentUser, cancellationToken);

    protected override string? FieldOf(string path, FormChange change)
    {
        ArgumentNullException.ThrowIfNull(path);
        var newAction = string.Create(CultureInfo.InvariantCulture, $"actions[{_actionCount}]");
        return path.StartsWith("budget.staff.", StringComparison.Ordinal) ? "Budget.Staff" + RuleFields.Pascal(path["budget.staff.".Length..])
            : path.StartsWith("budget", StringComparison.Ordinal) ? RuleFields.ToFormKey(path, "budget", nameof(Budget))
            : path == newAction + ".title" ? "NewAction.Title"
            : path == newAction + ".themes" ? "NewAction.Theme"
            : base.FieldOf(path, change);
    }

    private async Task<FicheDraft> LoadAsync(bool setRevision, CancellationToken cancellationToken)
    {
        FigureIndicators = await catalogue.FigureIndicatorsAsync(cancellationToken);
        Themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var draft = await LoadDraftAsync(setRevision, cancellationToken);
        _actionCount = draft.Content.Actions.Count;
        return draft;
    }
}
