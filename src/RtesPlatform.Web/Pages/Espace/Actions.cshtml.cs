using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The list of supported actions: each is edited on its own page, removed from here.</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ActionsModel(DraftEditor editor) : SectionPageModel(editor)
{
    public IReadOnlyList<SupportedAction> Actions { get; private set; } = [];

    protected override FicheSection Section => FicheSection.Actions;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("actions", "Actions");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Actions = draft.Content.Actions;
    }

    public async Task<IActionResult> OnPostRemoveAsync(int index, string? title, CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: false, cancellationToken);
        Actions = draft.Content.Actions;
        // The title guards against removing another action than the one shown, should the list have changed.
        var result = await SaveAsync(
            c => index >= 0 && index < c.Actions.Count && c.Actions[index].Title == title
                ? c with { Actions = [.. c.Actions.Where((_, i) => i != index)] }
                : c,
            cancellationToken);
        if (Conflict is not null)
        {
            Actions = (await Editor.GetAsync(cancellationToken)).Content.Actions;
        }

        return result;
    }
}
