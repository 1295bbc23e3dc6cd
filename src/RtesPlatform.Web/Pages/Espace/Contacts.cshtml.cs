using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>Public contacts: personal data, shown on the public fiche only with consent (RGPD).</summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class ContactsModel(DraftEditor editor, TimeProvider clock) : SectionPageModel(editor)
{
    [BindProperty]
    public List<ContactInput> Contacts { get; set; } = [];

    protected override FicheSection Section => FicheSection.Contacts;

    protected override (string JsonPrefix, string FormPrefix) RuleScope => ("contacts", nameof(Contacts));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = await LoadDraftAsync(setRevision: true, cancellationToken);
        Contacts = [.. draft.Content.Contacts.Select(ContactInput.From)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DropMissingRows();
        await LoadDraftAsync(setRevision: false, cancellationToken);
        var check = new FormCheck(ModelState, CurrentYear(clock));
        var contacts = Contacts.Select((c, i) => c.ToContact(check, $"{nameof(Contacts)}[{i}]")).ToList();
        return await SaveAsync(c => c with { Contacts = contacts }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddContactAsync(CancellationToken cancellationToken)
    {
        DropMissingRows();
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        Contacts.Add(new ContactInput { Role = nameof(ContactRole.Officer) });
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveContactAsync(int index, CancellationToken cancellationToken)
    {
        DropMissingRows();
        await LoadDraftAsync(setRevision: false, cancellationToken);
        ModelState.Clear();
        if (index >= 0 && index < Contacts.Count)
        {
            Contacts.RemoveAt(index);
        }

        return Page();
    }

    /// <summary>A forged form with holes in its indices ("Contacts[5]" without "Contacts[4]") binds null rows: they are not contacts.</summary>
    private void DropMissingRows() => Contacts.RemoveAll(c => c is null);
}
