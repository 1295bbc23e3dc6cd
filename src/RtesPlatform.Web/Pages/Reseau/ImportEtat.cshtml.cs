using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>The state of an import run as JSON, polled every 2 s by /js/import-progress.js.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class ImportEtatModel(LegacyImportRuns runs) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid run, CancellationToken cancellationToken)
    {
        if (await runs.FindAsync(run, withReport: false, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new ImportRunState(
            found.Status, found.IsFinished, found.Done, found.Total, ImportModel.Progress(found), ImportRunModel.StatusText(found), found.Error));
    }

    public sealed record ImportRunState(string Status, bool Finished, int Done, int? Total, string Progress, string Message, string? Error);
}
