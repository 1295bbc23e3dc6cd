using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Exports;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// Every row of a comparison (vue=classement, the default), of the grouped view (vue=groupes) or of
/// a time series (vue=evolution), in CSV, CSV for Excel (csv-excel), XLSX or JSON, through
/// <see cref="ComparisonQueries"/> like the pages: the same visibility rules, never a private value.
/// </summary>
public sealed class ExportModel(ComparisonQueries queries, RtesDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (ExportFormat.Find(format) is not { } exportFormat)
        {
            return Text(StatusCodes.Status404NotFound, $"Ce format de fichier n’est pas proposé : {ExportFormat.Tokens}.");
        }

        var parameters = ComparisonParameters.Parse(Request.Query);
        var view = Request.Query["vue"].FirstOrDefault() ?? "classement";
        var selection = await ComparisonRequest.ResolveAsync(parameters, queries, db, cancellationToken);
        if (view is not ("classement" or "groupes" or "evolution"))
        {
            parameters.AddError("La vue demandée n’existe pas : classement, groupes ou evolution.");
        }

        if (view == "evolution" && selection.Focus is null)
        {
            parameters.AddError("Indiquez la collectivité dont l’évolution est exportée (paramètre membre).");
        }

        if (selection.Errors.Count > 0 || selection.Indicator is not { } indicator || (view != "evolution" && selection.Year is null))
        {
            var message = selection.Errors.Count > 0 ? string.Join(Environment.NewLine, selection.Errors) : "Aucune valeur à exporter pour ces paramètres.";
            return Text(StatusCodes.Status400BadRequest, message);
        }

        var now = time.GetUtcNow();
        var suffix = selection.PerCapita ? "-par-habitant" : string.Empty;
        var year = selection.Year?.ToString(CultureInfo.InvariantCulture);
        var json = exportFormat == ExportFormat.Json;
        using var buffer = new MemoryStream();
        string name;
        switch (view)
        {
            case "groupes":
                var grouping = ComparisonParameters.GroupingOptions.First(o => o.Code == parameters.Grouping);
                var groups = await queries.Distributions.GroupedAsync(indicator.Code, selection.Year!.Value, selection.PerCapita, grouping.GroupKind, cancellationToken);
                name = $"comparaison-groupes-{grouping.Code}-{indicator.Code}-{year}{suffix}";
                if (json)
                {
                    return JsonFile(ComparisonExport.GroupsJson(selection, grouping.Code, groups, now), name);
                }

                await WriteAsync(exportFormat, buffer, ComparisonTables.Groups(selection, grouping.Code, now),
                    w => ComparisonTables.WriteGroupsAsync(w, selection, grouping.Code, groups, cancellationToken), now, cancellationToken);
                break;
            case "evolution":
                var points = await queries.Series.SeriesAsync(
                    selection.Focus!.Id, indicator.Code, selection.PerCapita, selection.Group, cancellationToken, includeOwnPrivate: false);
                name = $"evolution-{indicator.Code}-{selection.Focus.Slug}{suffix}";
                if (json)
                {
                    return JsonFile(ComparisonExport.SeriesJson(selection, points, now), name);
                }

                await WriteAsync(exportFormat, buffer, ComparisonTables.Series(selection, now),
                    w => ComparisonTables.WriteSeriesAsync(w, selection, points, cancellationToken), now, cancellationToken);
                break;
            default:
                var window = selection.Window!;
                var rows = await queries.AllRowsAsync(indicator, window, selection.PerCapita, selection.Group, cancellationToken);
                name = window.IsSingleYear
                    ? $"comparaison-{indicator.Code}-{year}{suffix}"
                    : $"comparaison-{indicator.Code}-{window.FirstYear.ToString(CultureInfo.InvariantCulture)}-{year}{suffix}";
                if (json)
                {
                    var result = await queries.CompareAsync(
                        new ComparisonQuery(indicator.Code, window, selection.PerCapita, selection.Group, null, 1, 1), cancellationToken);
                    return JsonFile(ComparisonExport.RankingJson(selection, result!, rows, now), name);
                }

                await WriteAsync(exportFormat, buffer, ComparisonTables.Ranking(selection, rows, now),
                    w => ComparisonTables.WriteRankingAsync(w, indicator, selection.PerCapita, rows, cancellationToken), now, cancellationToken);
                break;
        }

        return File(buffer.ToArray(), exportFormat.ContentType, exportFormat.FileName(name));
    }

    private static async Task WriteAsync(
        ExportFormat format, Stream output, ExportTable table, Func<IRowWriter, Task> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writer = format.CreateWriter(output, table, now);
        await rows(writer);
        await writer.CompleteAsync(cancellationToken);
    }

    private FileContentResult JsonFile(string content, string name) =>
        File(ComparisonExport.Utf8(content), ExportFormat.Json.ContentType, ExportFormat.Json.FileName(name));

    private static ContentResult Text(int status, string message) =>
        new() { StatusCode = status, ContentType = "text/plain; charset=utf-8", Content = message };
}
