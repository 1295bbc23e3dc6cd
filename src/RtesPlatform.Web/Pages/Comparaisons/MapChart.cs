using System.Globalization;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// What the server-rendered map draws: each metropolitan département's outline (from
/// <see cref="DepartementOutlines"/>) and, beside the SVG (an HTML list, which reflows on a phone),
/// one labelled box per overseas département (971 to 976, always) and per other overseas code that
/// has members, each with its fill — a colour
/// and a pattern per class, so that classes never rely on colour alone — its figures (data
/// attributes, which tests compare with the table) and its tooltip; then the legend.
/// </summary>
public sealed class MapChart
{
    public const string NoMemberFill = "#eceef0";

    /// <summary>The overseas départements, drawn as boxes even without members (the map package has no outline for them).</summary>
    public static IReadOnlyList<string> OverseasDepartements { get; } = ["971", "972", "973", "974", "976"];

    public sealed record Area(MapDepartement Departement, string Fill, int? ClassNumber, string Tooltip);

    public sealed record Shape(Area Area, string Path);


    /// <summary>One line of the legend: its fill (the same as the map's), its label and how many départements it covers.</summary>
    public sealed record LegendEntry(string Fill, string Label, int Departements, int? ClassNumber);

    public required string ViewBox { get; init; }
    public required double Width { get; init; }
    public required double Height { get; init; }
    public required IReadOnlyList<Shape> Shapes { get; init; }
    /// <summary>The overseas départements and collectivities, in code order.</summary>
    public required IReadOnlyList<Area> Boxes { get; init; }
    public required IReadOnlyList<LegendEntry> Legend { get; init; }

    public static string ClassFill(int number) => "url(#carte-classe-" + number.ToString(CultureInfo.InvariantCulture) + ")";

    public static MapChart Build(ComparisonMapResult result, DepartementOutlines outlines)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(outlines);
        var byCode = result.Departements.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var shapes = outlines.Outlines
            .Select(o => new Shape(AreaOf(result, byCode.GetValueOrDefault(o.Code) ?? Empty(o.Code, o.Name)), o.Path))
            .ToList();

        // Overseas boxes: the five départements always, any other code without an outline only when it has members.
        var boxed = result.Departements
            .Where(d => outlines.Find(d.Code) is null && (OverseasDepartements.Contains(d.Code) || d.Members > 0))
            .ToList();
        foreach (var code in OverseasDepartements.Where(c => boxed.All(d => d.Code != c)))
        {
            boxed.Add(Empty(code, code));
        }

        var boxes = boxed.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => AreaOf(result, d)).ToList();
        var areas = shapes.Select(s => s.Area).Concat(boxes).ToList();
        return new MapChart
        {
            ViewBox = outlines.ViewBox,
            Width = outlines.Width,
            Height = outlines.Height,
            Shapes = shapes,
            Boxes = boxes,
            Legend = LegendOf(result, areas),
        };
    }

    private static MapDepartement Empty(string code, string name) => new(code, name, 0, 0, [], 0, null, null, null, null);

    private static Area AreaOf(ComparisonMapResult result, MapDepartement d)
    {
        var number = result.ClassOf(d);
        var fill = d.Members == 0 ? NoMemberFill
            : result.Indicator is null ? "url(#carte-membres)"
            : number is { } n ? ClassFill(n)
            : "url(#carte-sans-valeur)";
        return new Area(d, fill, number, MapText.Tooltip(result, d, number));
    }

    private static List<LegendEntry> LegendOf(ComparisonMapResult result, IReadOnlyList<Area> areas)
    {
        int Count(string fill) => areas.Count(a => a.Fill == fill);
        var legend = new List<LegendEntry>();
        if (result.Indicator is null)
        {
            legend.Add(new LegendEntry("url(#carte-membres)", "Au moins un membre", Count("url(#carte-membres)"), null));
        }
        else
        {
            legend.AddRange(result.Classes.Classes.Select(c =>
                new LegendEntry(ClassFill(c.Number), MapText.ClassLabel(result, c), c.Count, c.Number)));
            legend.Add(new LegendEntry("url(#carte-sans-valeur)", "Membres, mais aucune valeur sur la période", Count("url(#carte-sans-valeur)"), null));
        }

        legend.Add(new LegendEntry(NoMemberFill, "Aucun membre", Count(NoMemberFill), null));
        return legend;
    }
}
