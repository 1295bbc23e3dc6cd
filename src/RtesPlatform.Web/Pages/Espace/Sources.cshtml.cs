using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The documents the fiche's figures come from; figures point to them by key.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class SourcesModel(DraftEditor editor, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public List<SourceInput> Items { get; set; } = [];

    protected override FicheSection Section => FicheSection.Sources;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Items = [.. draft.Content.Sources.Select(SourceInput.From)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: false, cancellationToken);
        var check = new FormCheck(ModelState, CurrentYear(clock));
        var sources = Items.Select((s, i) => s.ToSource(check, $"{nameof(Items)}[{i}]")).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is { } source && !seen.Add(source.Key))
            {
                check.Error($"{nameof(Items)}[{i}].Key", "Cette clé est déjà celle d’une autre source : choisissez-en une autre.");
            }
        }

        var cited = CitedKeys(draft.Content).Except(seen, StringComparer.Ordinal).ToList();
        if (cited.Count > 0)
        {
            check.Error(nameof(Items), $"Ces sources sont citées par des chiffres de la fiche et ne peuvent pas être supprimées : {string.Join(", ", cited)}. Changez d’abord la source de ces chiffres.");
        }

        var kept = sources.OfType<Source>().ToList();
        return !check.IsValid ? Page() : await SaveAsync(c => c with { Sources = kept }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddSourceAsync(CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Items.Add(new SourceInput());
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveSourceAsync(int index, CancellationToken cancellationToken)
    {
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        if (index >= 0 && index < Items.Count)
        {
            Items.RemoveAt(index);
        }

        return Page();
    }

    private static IEnumerable<string> CitedKeys(FicheContent content) =>
        content.Panorama.Figures.Select(f => f.SourceKey)
            .Concat(content.Budget.Lines.Select(l => l.SourceKey))
            .Append(content.Budget.Staff?.SourceKey)
            .Concat(content.Actions.Select(a => a.SourceKey))
            .Concat(content.Actions.SelectMany(a => a.Results.Select(r => r.SourceKey)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
}
