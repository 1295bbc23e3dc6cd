using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// Every row of a comparison (vue=classement, the default), of the grouped view (vue=groupes) or of
/// a time series (vue=evolution), in CSV or JSON, through <see cref="ComparisonQueries"/> like the
/// pages: the same visibility rules, never a private value.
/// </summary>
public sealed class ExportModel(ComparisonQueries queries, RtesDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
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
            return new ContentResult { StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8", Content = message };
        }

        var csv = format == "csv";
        var now = time.GetUtcNow();
        var suffix = selection.PerCapita ? "-par-habitant" : string.Empty;
        var year = selection.Year?.ToString(CultureInfo.InvariantCulture);
        string content;
        string name;
        switch (view)
        {
            case "groupes":
                var grouping = ComparisonParameters.GroupingOptions.First(o => o.Code == parameters.Grouping);
                var groups = await queries.Distributions.GroupedAsync(indicator.Code, selection.Year!.Value, selection.PerCapita, grouping.GroupKind, cancellationToken);
                content = csv ? ComparisonExport.GroupsCsv(selection, grouping.Code, groups) : ComparisonExport.GroupsJson(selection, grouping.Code, groups, now);
                name = $"comparaison-groupes-{grouping.Code}-{indicator.Code}-{year}{suffix}";
                break;
            case "evolution":
                var points = await queries.Series.SeriesAsync(
                    selection.Focus!.Id, indicator.Code, selection.PerCapita, selection.Group, cancellationToken, includeOwnPrivate: false);
                content = csv ? ComparisonExport.SeriesCsv(selection, points) : ComparisonExport.SeriesJson(selection, points, now);
                name = $"evolution-{indicator.Code}-{selection.Focus.Slug}{suffix}";
                break;
            default:
                var window = selection.Window!;
                var rows = await queries.AllRowsAsync(indicator, window, selection.PerCapita, selection.Group, cancellationToken);
                if (csv)
                {
                    content = ComparisonExport.RankingCsv(indicator, selection.PerCapita, rows);
                }
                else
                {
                    var result = await queries.CompareAsync(
                        new ComparisonQuery(indicator.Code, window, selection.PerCapita, selection.Group, null, 1, 1), cancellationToken);
                    content = ComparisonExport.RankingJson(selection, result!, rows, now);
                }

                name = window.IsSingleYear
                    ? $"comparaison-{indicator.Code}-{year}{suffix}"
                    : $"comparaison-{indicator.Code}-{window.FirstYear.ToString(CultureInfo.InvariantCulture)}-{year}{suffix}";
                break;
        }

        return File(ComparisonExport.Utf8(content), csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", name + (csv ? ".csv" : ".json"));
    }
}
