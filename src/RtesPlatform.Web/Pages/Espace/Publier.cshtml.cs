using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>
/// Publishing, in two steps: the summary of what the draft changes in the public fiche, then the
/// confirmation. Nothing is published when nothing changed, nor when the draft changed after the
/// summary was shown (the summary is shown again).
/// </summary>
[Authorize(Policy = Policies.TenantEditor)]
public sealed class PublierModel(DraftStatusQuery drafts) : EspacePageModel
{
    public DraftStatus Status { get; private set; } = null!;

    /// <summary>Set when the draft changed between the summary and the confirmation.</summary>
    public bool ChangedMeanwhile { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Status = await drafts.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(
        int revision,
        [FromServices] AuthoringPublisher publisher,
        [FromServices] PublicationNotices notices,
        [FromServices] IOptions<EmailOptions> email,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(email);
        Status = await drafts.GetAsync(cancellationToken);
        if (!Status.CanPublish)
        {
            return Page();
        }

        if (Status.Draft.Revision != revision)
        {
            ChangedMeanwhile = true;
            return Page();
        }

        var version = await publisher.PublishAsync(CurrentUser, cancellationToken);
        var publicUrl = Compte.AccountLinks.Absolute(email.Value, $"/collectivites/{Slug}", new Dictionary<string, string?>());
        notices.Queue(version.Number, CurrentUser, publicUrl);
        return RedirectToPage("Index", new { slug = Slug, publiee = version.Number });
    }
}
