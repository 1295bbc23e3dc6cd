using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>Network console: the update campaigns, and the form that opens one.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class IndexModel(CampaignDashboard dashboard, CampaignReach reach, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public IReadOnlyList<CampaignDashboard.Summary> Campaigns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Who the campaign would reach, for the date in the form (shown before opening).</summary>
    public CampaignReach.Result? Reach { get; private set; }

    /// <summary>Set once the network admin has seen the counts and confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The checked form is shown again with the counts and a confirmation button.</summary>
    public bool AwaitingConfirmation { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Core.ParisCalendar.Today(clock);
        Form.StaleBefore ??= new DateOnly(Today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Campaigns = await dashboard.ListAsync(cancellationToken);
        if (DateOnly.TryParseExact(Form.StaleBefore, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var staleBefore))
        {
            Reach = await reach.ForAsync(staleBefore, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CampaignOpener opener, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opener);
        Today = Core.ParisCalendar.Today(clock);
        if (Form.Check(ModelState, nameof(Form), Today) is not { } input)
        {
            Campaigns = await dashboard.ListAsync(cancellationToken);
            return Page();
        }

        Reach = await reach.ForAsync(input.StaleBefore, cancellationToken);
        if (!Confirmed)
        {
            AwaitingConfirmation = true;
            Campaigns = await dashboard.ListAsync(cancellationToken);
            return Page();
        }

        var openedBy = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var campaign = await opener.OpenAsync(input.Title, input.Message, input.Deadline, input.StaleBefore, openedBy, cancellationToken);
        Message = CampaignReach.OpenedMessage(campaign.Title, Reach);
        return Redirect($"/reseau/campagnes/{campaign.Id}");
    }
}
