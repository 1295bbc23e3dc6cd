using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>
/// One import run: its status and progress (kept current by /js/import-progress.js polling
/// <see cref="ImportEtatModel"/>; without script, a link reloads the page), then its kept report.
/// </summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class ImportRunModel(LegacyImportRuns runs) : PageModel
{
    public LegacyImportRunView Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid run, CancellationToken cancellationToken)
    {
        if (await runs.FindAsync(run, withReport: true, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Run = found;
        return Page();
    }

    /// <summary>What the status line says, here and in the JSON the script polls.</summary>
    public static string StatusText(LegacyImportRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Status switch
        {
            LegacyImportRunStatus.Queued when run.Error is not null =>
                $"Tentative {run.Attempts} échouée, nouvel essai programmé : {ImportModel.Progress(run)}.",
            LegacyImportRunStatus.Queued => "Import en attente de démarrage.",
            LegacyImportRunStatus.Running => $"Import en cours : {ImportModel.Progress(run)}.",
            LegacyImportRunStatus.Succeeded => $"Import terminé : {ImportModel.Progress(run)}.",
            _ => "L'import a échoué.",
        };
    }
}
