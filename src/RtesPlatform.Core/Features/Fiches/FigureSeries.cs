namespace RtesPlatform.Core.Features.Fiches;

/// <summary>
/// Key figures with the same label and unit, read as one series over the years: the fiche shows
/// the latest value and year, the earlier years in a small table.
/// </summary>
public sealed record FigureSeries(string Label, FigureUnit Unit, KeyFigure Latest, IReadOnlyList<KeyFigure> Earlier)
{
    /// <summary>
    /// Groups figures by label (ignoring case and surrounding spaces) and unit, in the order each
    /// series first appears; within a series the latest year comes first (on a tie, the later entry).
    /// </summary>
    public static IReadOnlyList<FigureSeries> Group(IEnumerable<KeyFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return [.. figures
            .Select((figure, index) => (figure, index))
            .GroupBy(f => (Label: f.figure.Label.Trim().ToUpperInvariant(), f.figure.Unit))
            .Select(g =>
            {
                var ordered = g.OrderByDescending(f => f.figure.Year).ThenByDescending(f => f.index).Select(f => f.figure).ToList();
                return new FigureSeries(ordered[0].Label, ordered[0].Unit, ordered[0], ordered.Skip(1).ToList());
            })];
    }

    /// <summary>The first and last year of every dated figure of the fiche (key figures, budget, staff, results), or null.</summary>
    public static (int First, int Last)? DataYears(FicheContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var years = content.Panorama.Figures.Select(f => f.Year)
            .Concat(content.Budget.Lines.Select(l => l.Year))
            .Concat(content.Budget.Staff is { } staff ? [staff.Year] : [])
            .Concat(content.Actions.SelectMany(a => a.Results).Select(r => r.Year))
            .ToList();
        return years.Count == 0 ? null : (years.Min(), years.Max());
    }
}
