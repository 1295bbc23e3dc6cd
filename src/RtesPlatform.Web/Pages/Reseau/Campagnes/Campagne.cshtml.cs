using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>A campaign's dashboard: per target, updated since opening, back office visited, reminders sent.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class CampagneModel(CampaignDashboard dashboard) : PageModel
{
    public const string NotUpdatedFilter = "a-relancer";

    [FromRoute(Name = "campaign")]
    public Guid Id { get; set; }

    [FromQuery(Name = "filtre")]
    public string? Filter { get; set; }

    [TempData]
    public string? Message { get; set; }

    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<CampaignTargetRow> AllTargets { get; private set; } = [];
    public IReadOnlyList<CampaignTargetRow> Targets { get; private set; } = [];
    public bool OnlyNotUpdated => Filter == NotUpdatedFilter;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>The targets as CSV (UTF-8, comma, header row), for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var csv = new StringBuilder("collectivite,slug,mise_a_jour,espace_consulte,rappels\r\n");
        foreach (var t in Targets)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(t.Name)},{Quote(t.Slug)},{Iso(t.UpdatedAt)},{Iso(t.FirstVisitAt)},{Quote(string.Join(" ; ", t.Reminders.Select(CampaignLabels.Reminder)))}\r\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"campagne-{Id:N}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await dashboard.FindAsync(Id, cancellationToken) is not { } campaign)
        {
            return false;
        }

        Campaign = campaign;
        AllTargets = await dashboard.TargetsAsync(campaign, cancellationToken);
        Targets = OnlyNotUpdated ? [.. AllTargets.Where(t => t.UpdatedAt is null)] : AllTargets;
        return true;
    }

    private static string Quote(string value) =>
        "\"" + RtesPlatform.Core.Features.OpenData.SpreadsheetText.Neutralise(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Iso(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
}
