using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// Geometry of the server-rendered bar chart of one page of ranked rows, with the group's median
/// and quartiles as vertical marks. Every bar carries its metric so that tests can compare it with
/// the table.
/// </summary>
public sealed class RankChart
{
    public const double Width = 780;
    public const double LabelWidth = 240;
    public const double BarArea = 380;
    public const double RowHeight = 30;
    public const double Top = 48;

    public sealed record Bar(string Slug, string Label, double Metric, string Text, bool IsFocus, double Y, double BarWidth);

    public sealed record Mark(string Label, double Metric, double X, double LabelY, bool Dashed, string Text);

    public IReadOnlyList<Bar> Bars { get; private init; } = [];
    public IReadOnlyList<Mark> Marks { get; private init; } = [];
    public double Height { get; private init; }

    public static double X(double metric, double max) => LabelWidth + Math.Max(0, metric) / max * BarArea;

    public static RankChart Build(ComparisonResult result, Guid? focusId)
    {
        ArgumentNullException.ThrowIfNull(result);
        var d = result.Distribution;
        var max = new[] { result.Rows.Select(r => r.Metric).DefaultIfEmpty(0).Max(), d?.Q3 ?? 0, d?.Median ?? 0 }.Max();
        if (max <= 0)
        {
            max = 1;
        }

        var bars = result.Rows.Select((row, i) => new Bar(
            row.Member.Slug,
            Shorten(row.Member.Name) + " · " + row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + (row.IsFictitious ? " · fictif" : ""),
            row.Metric,
            ComparisonFormat.Metric(row.Metric, result.Indicator, result.PerCapita),
            row.Member.TenantId == focusId,
            Top + i * RowHeight,
            Math.Max(0, row.Metric) / max * BarArea)).ToList();
        var marks = d is null
            ? []
            : new List<Mark>
            {
                new("1er quartile", d.Q1, X(d.Q1, max), 14, true, ComparisonFormat.Metric(d.Q1, result.Indicator, result.PerCapita)),
                new("Médiane", d.Median, X(d.Median, max), 28, false, ComparisonFormat.Metric(d.Median, result.Indicator, result.PerCapita)),
                new("3e quartile", d.Q3, X(d.Q3, max), 42, true, ComparisonFormat.Metric(d.Q3, result.Indicator, result.PerCapita)),
            };
        return new RankChart { Bars = bars, Marks = marks, Height = Top + bars.Count * RowHeight + 12 };
    }

    private static string Shorten(string name) => name.Length <= 26 ? name : name[..25].TrimEnd() + "…";
}
