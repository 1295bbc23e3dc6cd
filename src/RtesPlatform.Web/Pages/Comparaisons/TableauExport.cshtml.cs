using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The network dashboard as a file: every member of the filter (kind, région), not one page, with
/// the year and value of its latest value of each indicator; CSV, CSV for Excel or XLSX.
/// </summary>
public sealed class TableauExportModel(ComparisonCoverage coverage, ComparisonQueries queries, TimeProvider time) : PageModel
{
    /// <summary>More than the network will ever count: the file holds every member of the filter.</summary>
    private const int AllMembers = 100_000;

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (ExportFormat.Find(format) is not { IsTabular: true } exportFormat)
        {
            return Text(StatusCodes.Status404NotFound, "Ce format de fichier n’est pas proposé pour le tableau de bord : csv, csv-excel ou xlsx.");
        }

        var kindCode = Request.Query["type"].FirstOrDefault();
        var kind = TenantKindLabels.FromCode(kindCode);
        if (!string.IsNullOrEmpty(kindCode) && (kind is null || kind == TenantKind.Other))
        {
            return Text(StatusCodes.Status400BadRequest, "Le type de collectivité demandé n’est pas reconnu.");
        }

        var region = Request.Query["region"].FirstOrDefault() is { Length: > 0 and <= 3 } r ? r : null;
        var indicators = await queries.CatalogueAsync(cancellationToken);
        var matrix = await coverage.MatrixAsync(new CoverageRequest(kind, region, 1, AllMembers), cancellationToken);
        var filterLabel = (kind is { } k ? TenantKindLabels.French(k) : "Tous les types")
            + (region is null ? ", toutes les régions" : ", région " + ((matrix.Members.Count > 0 ? matrix.Members[0].RegionName : null) ?? region))
            + " : " + FrenchFormat.Plural(matrix.TotalMembers, "collectivité", "collectivités") + ".";

        var now = time.GetUtcNow();
        using var buffer = new MemoryStream();
        await using (var writer = exportFormat.CreateWriter(buffer, CoverageTable.Describe(indicators, filterLabel, now), now))
        {
            await CoverageTable.WriteAsync(writer, matrix, indicators, cancellationToken);
            await writer.CompleteAsync(cancellationToken);
        }

        var stem = "tableau-de-bord" + (kind is { } kk ? "-" + TenantKindLabels.Code(kk) : "") + (region is null ? "" : "-region-" + region);
        return File(buffer.ToArray(), exportFormat.ContentType, exportFormat.FileName(stem));
    }

    private static ContentResult Text(int status, string message) =>
        new() { StatusCode = status, ContentType = "text/plain; charset=utf-8", Content = message };
}
