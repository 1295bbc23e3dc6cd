using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.LegacyImport.Import;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>Upload of a legacy fiches export: imported as drafts by the importer, with its report.</summary>
[Authorize(Policy = Policies.NetworkAdmin)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(LegacyImporter importer) : PageModel
{
    public const int MaxBytes = 64 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; } = true;

    [BindProperty]
    public string? Collectivity { get; set; }

    public LegacyImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez un fichier texte exporté du site du RTES (le fichier envoyé est vide).");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await importer.ImportAsync(
            stream, Upload.FileName, DryRun, string.IsNullOrWhiteSpace(Collectivity) ? null : Collectivity.Trim(), progress: null, cancellationToken);
        return Page();
    }
}
