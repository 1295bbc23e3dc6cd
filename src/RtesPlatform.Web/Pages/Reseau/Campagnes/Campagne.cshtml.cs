using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau.Campagnes;

/// <summary>A campaign's dashboard: per target, updated since opening, back office visited, reminders sent.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class CampagneModel(CampaignDashboard dashboard) : PageModel
{
    public const string NotUpdatedFilter = "a-relancer";

    private static readonly ExportTable _targetTable = new("Cibles de la campagne", "Cibles",
    [
        new("collectivite", "Collectivité", ExportType.Text, "Nom de la collectivité"),
        new("slug", "Identifiant", ExportType.Text, "Identifiant de la fiche"),
        new("mise_a_jour", "Mise à jour le (UTC)", ExportType.DateTime, "Première mise à jour de la fiche depuis l’ouverture de la campagne"),
        new("espace_consulte", "Espace consulté le (UTC)", ExportType.DateTime, "Première visite de l’espace depuis l’ouverture"),
        new("rappels", "Rappels", ExportType.Text, "Rappels envoyés"),
    ], []);

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

        using var buffer = new MemoryStream();
        await using (var csv = ExportFormat.Csv.CreateWriter(buffer, _targetTable, DateTimeOffset.UnixEpoch))
        {
            foreach (var t in Targets)
            {
                csv.Text(t.Name);
                csv.Text(t.Slug);
                csv.Timestamp(t.UpdatedAt?.UtcDateTime);
                csv.Timestamp(t.FirstVisitAt?.UtcDateTime);
                csv.Text(string.Join(" ; ", t.Reminders.Select(CampaignLabels.Reminder)));
                await csv.EndRowAsync(cancellationToken);
            }

            await csv.CompleteAsync(cancellationToken);
        }

        return File(buffer.ToArray(), ExportFormat.Csv.ContentType, $"campagne-{Id:N}.csv");
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
}
