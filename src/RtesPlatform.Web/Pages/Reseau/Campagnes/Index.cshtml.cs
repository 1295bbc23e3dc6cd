using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>Network console: the update campaigns, and the form that opens one.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class IndexModel(CampaignDashboard dashboard, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public IReadOnlyList<CampaignDashboard.Summary> Campaigns { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = Core.ParisCalendar.Today(clock);
        Form.StaleBefore ??= new DateOnly(Today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Campaigns = await dashboard.ListAsync(cancellationToken);
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

        var openedBy = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var campaign = await opener.OpenAsync(input.Title, input.Message, input.Deadline, input.StaleBefore, openedBy, cancellationToken);
        Message = $"La campagne « {campaign.Title} » est ouverte : les premiers rappels partent maintenant.";
        return Redirect($"/reseau/campagnes/{campaign.Id}");
    }
}
