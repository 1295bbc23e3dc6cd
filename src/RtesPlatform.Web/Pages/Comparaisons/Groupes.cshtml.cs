using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>Median and quartiles of one indicator and year, group by group (kind × région, kind, région, kind × band).</summary>
public sealed class GroupesModel(ComparisonQueries queries, RtesDbContext db) : PageModel
{
    public const double Width = 780;
    public const double LabelWidth = 300;
    public const double BoxArea = 340;
    public const double RowHeight = 34;
    public const double Top = 10;

    public ComparisonRequest Selection { get; private set; } = null!;
    public IReadOnlyList<GroupStatistics> Groups { get; private set; } = [];
    public string GroupingLabel { get; private set; } = string.Empty;
    public double Max { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = ComparisonParameters.Parse(Request.Query);
        Selection = await ComparisonRequest.ResolveAsync(parameters, queries, db, cancellationToken);
        var grouping = ComparisonParameters.GroupingOptions.First(o => o.Code == parameters.Grouping);
        GroupingLabel = grouping.Label;
        if (Selection is { Indicator: { } indicator, Year: { } year })
        {
            Groups = [.. (await queries.Distributions.GroupedAsync(indicator.Code, year, Selection.PerCapita, grouping.GroupKind, cancellationToken))
                .OrderByDescending(g => g.Distribution.Count).ThenBy(Label, StringComparer.Create(WebSetup.French, false))];
            Max = Math.Max(1e-9, Groups.Select(g => g.Distribution.Max).DefaultIfEmpty(1).Max());
        }
    }

    public string Label(GroupStatistics group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var parts = new List<string>();
        if (group.Kind is { } kind)
        {
            parts.Add(TenantKindLabels.French(kind));
        }

        if (group.RegionCode is not null)
        {
            parts.Add(Selection.RegionName(group.RegionCode)!);
        }

        if (group.Band is not null)
        {
            parts.Add(PopulationBands.Label(group.Band)!);
        }

        return parts.Count == 0 ? "Sans type ni région" : string.Join(" — ", parts);
    }

    public double X(double metric) => LabelWidth + Math.Max(0, metric) / Max * BoxArea;

    public string Summary()
    {
        if (Selection.Indicator is not { } indicator || Selection.Year is not { } year)
        {
            return string.Empty;
        }

        if (Groups.Count == 0)
        {
            return $"Aucun groupe n’a de valeur en {year}.";
        }

        var largest = Groups[0];
        var highest = Groups.MaxBy(g => g.Distribution.Median)!;
        return (Groups.Count == 1 ? $"1 groupe a des valeurs en {year}. " : $"{FrenchFormat.Number(Groups.Count)} groupes ont des valeurs en {year}. ")
            + $"Le plus nombreux, {Label(largest)}, compte {ComparisonFormat.Members(largest.Distribution.Count)} ; médiane {ComparisonFormat.Metric(largest.Distribution.Median, indicator, Selection.PerCapita)}. "
            + $"La médiane la plus élevée est celle du groupe {Label(highest)} : {ComparisonFormat.Metric(highest.Distribution.Median, indicator, Selection.PerCapita)}.";
    }

    public string ExportLink(string format) => $"/comparaisons/export.{format}" + Selection.Parameters.QueryString(view: "groupes", includeGrouping: true);
}
