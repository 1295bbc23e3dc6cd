using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>
/// Upload of a legacy fiches export: stored as a run and imported as drafts by the background job
/// (any node of the cluster), whose progress and report are on the run's page. Recent runs below.
/// </summary>
[Authorize(Policy = Policies.NetworkAdmin)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(LegacyImportRuns runs) : PageModel
{
    public const int MaxBytes = 64 * 1024 * 1024;
    private const int RecentCount = 20;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; } = true;

    [BindProperty]
    public string? Collectivity { get; set; }

    public IReadOnlyList<LegacyImportRunView> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Recent = await runs.RecentAsync(RecentCount, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier texte exporté du site du RTES (le fichier envoyé est vide).");
            Recent = await runs.RecentAsync(RecentCount, cancellationToken);
            return Page();
        }

        byte[] content;
        await using (var stream = Upload.OpenReadStream())
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var id = await runs.EnqueueAsync(
            content, Upload.FileName, DryRun, string.IsNullOrWhiteSpace(Collectivity) ? null : Collectivity.Trim(),
            User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name, cancellationToken);
        return Redirect($"/reseau/import/{id}");
    }

    /// <summary>"22 novembre 2026 à 14:05", in Paris time.</summary>
    public static string When(DateTimeOffset value)
        => FrenchFormat.DateTime(value);

    /// <summary>"12 fiches sur 300", or what a run without a total can say.</summary>
    public static string Progress(LegacyImportRunView run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Total is { } total
            ? $"{FrenchFormat.Number(run.Done)} {(run.Done > 1 ? "fiches" : "fiche")} sur {FrenchFormat.Number(total)}"
            : run.IsFinished ? "aucune fiche" : "fichier en cours de lecture";
    }
}
