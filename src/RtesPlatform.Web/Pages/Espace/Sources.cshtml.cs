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

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("sources", nameof(Items));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Items = [.. draft.Content.Sources.Select(SourceInput.From)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Items.RemoveAll(s => s is null);
        await LoadDraftAsync(setRevision: false, cancellationToken);
        var check = new FormCheck(ModelState, CurrentYear(clock));
        var typed = Items.Select((s, i) => s.ToSource(check, $"{nameof(Items)}[{i}]")).ToList();
        // A new source gets its key from its title and year: officers never invent one.
        var sources = new List<Source>();
        foreach (var source in typed)
        {
            sources.Add(source.Key.Length > 0 ? source : source with
            {
                Key = Core.Features.Authoring.Rules.SourceKeys.Generate(source.Title, source.Year, typed.Select(s => s.Key).Concat(sources.Select(s => s.Key))),
            });
        }

        return await SaveAsync(c => c with { Sources = sources }, cancellationToken);
    }

    /// <summary>"Cited sources cannot be removed" is shown above the list.</summary>
    protected override string? FieldOf(string path, FormChange change) =>
        path == "sources" ? nameof(Items) : base.FieldOf(path, change);

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
}
