using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>A member's values over the years against its peer group's median and quartiles; missing years stay missing.</summary>
public sealed class EvolutionModel(ComparisonQueries queries, RtesDbContext db) : PageModel
{
    public const double Width = 780;
    public const double Height = 320;
    public const double Left = 90;
    public const double Right = 70;
    public const double Top = 20;
    public const double Bottom = 44;

    public ComparisonRequest Selection { get; private set; } = null!;
    public IReadOnlyList<SeriesPoint> Points { get; private set; } = [];
    public double Max { get; private set; } = 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var parameters = ComparisonParameters.Parse(Request.Query);
        Selection = await ComparisonRequest.ResolveAsync(parameters, queries, db, cancellationToken);
        if (Selection is { Indicator: { } indicator, Focus: { } focus })
        {
            Points = await queries.Series.SeriesAsync(focus.Id, indicator.Code, Selection.PerCapita, Selection.Group, cancellationToken);
            Max = Math.Max(1e-9, Points.SelectMany(p => new[] { p.Metric ?? 0, p.Group?.Q3 ?? 0, p.Group?.Median ?? 0 }).DefaultIfEmpty(1).Max());
        }
    }

    public double X(int index) => Points.Count <= 1
        ? Left + (Width - Left - Right) / 2
        : Left + index * (Width - Left - Right) / (Points.Count - 1);

    public double Y(double metric) => Height - Bottom - Math.Max(0, metric) / Max * (Height - Top - Bottom);

    /// <summary>Runs of consecutive points that have a value: lines join them, never across a missing year.</summary>
    public IEnumerable<IReadOnlyList<int>> Runs(Func<SeriesPoint, bool> has)
    {
        var run = new List<int>();
        for (var i = 0; i < Points.Count; i++)
        {
            if (has(Points[i]))
            {
                run.Add(i);
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
            }

            run = [];
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    public string Polyline(IEnumerable<int> indexes, Func<SeriesPoint, double> value) =>
        string.Join(' ', indexes.Select(i => ComparisonFormat.Svg(X(i)) + "," + ComparisonFormat.Svg(Y(value(Points[i])))));

    public string Summary()
    {
        if (Selection is not { Indicator: { } indicator, Focus: { } focus })
        {
            return string.Empty;
        }

        var withValue = Points.Where(p => p.Metric is not null).ToList();
        if (withValue.Count == 0)
        {
            return $"{focus.Name} n’a aucune valeur de cet indicateur que vous puissiez voir.";
        }

        var years = string.Join(", ", withValue.Select(p => p.Year.ToString(CultureInfo.InvariantCulture)));
        var text = $"{focus.Name} a une valeur pour {withValue.Count} année{(withValue.Count > 1 ? "s" : "")} ({years}). ";
        var last = withValue[^1];
        text += $"En {last.Year.ToString(CultureInfo.InvariantCulture)} : {ComparisonFormat.Metric(last.Metric!.Value, indicator, Selection.PerCapita)}";
        text += last.Group is { } d
            ? $", pour une médiane du groupe de {ComparisonFormat.Metric(d.Median, indicator, Selection.PerCapita)} ({ComparisonFormat.Members(d.Count)}), soit {d.PositionOf(last.Metric.Value)}."
            : ", sans statistique de groupe cette année-là.";
        var missing = Points.Count - withValue.Count;
        if (missing > 0)
        {
            text += $" {missing} année{(missing > 1 ? "s" : "")} sans valeur du membre (non interpolée{(missing > 1 ? "s" : "")}).";
        }

        return text;
    }

    public string ExportLink(string format) => $"/comparaisons/export.{format}" + Selection.Parameters.QueryString(view: "evolution");
}
