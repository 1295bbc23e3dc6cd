using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The panorama section as typed in the form: text only, read back into values by <see cref="ToChange"/>.</summary>
public sealed class PanoramaForm
{
    public string? Narrative { get; set; }
    public List<KeyFigureInput> Figures { get; set; } = [];

    public static PanoramaForm From(PanoramaSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new()
        {
            Narrative = section.Narrative,
            Figures = [.. section.Figures.Select(f => new KeyFigureInput
            {
                IndicatorCode = f.IndicatorCode,
                Label = f.Label,
                Value = FormText.Of(f.Value),
                Unit = f.Unit.ToString(),
                Year = FormText.Of(f.Year),
                SourceKey = f.SourceKey,
            })],
        };
    }

    /// <summary>
    /// The change this form makes to the draft (the section, and the sources created from rows).
    /// Text that is not a number, a year or a choice gets its message in the check; everything else
    /// (required fields, lengths, ranges, sources, indicators) is for the fiche rules.
    /// </summary>
    public FormChange ToChange(FormCheck check, string prefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        var figures = new List<KeyFigure>();
        var created = new List<(int Row, Source Source)>();
        for (var i = 0; i < Figures.Count; i++)
        {
            var figure = Figures[i] ?? new KeyFigureInput();
            var key = $"{prefix}.Figures[{i}]";
            figures.Add(new KeyFigure
            {
                IndicatorCode = FormCheck.Trimmed(figure.IndicatorCode),
                Label = FormCheck.Trimmed(figure.Label) ?? string.Empty,
                Value = check.ParseAmount($"{key}.Value", figure.Value, "la valeur", required: true) ?? 0,
                Unit = check.Choice<FigureUnit>($"{key}.Unit", figure.Unit, "l’unité") ?? FigureUnit.Count,
                Year = check.ParseYear($"{key}.Year", figure.Year, required: true) ?? 0,
                SourceKey = FormCheck.Trimmed(figure.SourceKey),
            });
            if ((figure.NewSource ?? new()).Parse(check, $"{key}.NewSource") is { } source)
            {
                created.Add((i, source));
            }
        }

        var narrative = FormCheck.Trimmed(Narrative);
        return new FormChange(
            c =>
            {
                var (sources, keys) = NewSourceInput.Add(c.Sources, created.Select(x => x.Source));
                var cited = figures.ToList();
                for (var j = 0; j < created.Count; j++)
                {
                    cited[created[j].Row] = cited[created[j].Row] with { SourceKey = keys[j] };
                }

                return c with { Panorama = new PanoramaSection { Narrative = narrative, Figures = cited }, Sources = sources };
            },
            [.. created.Select(x => $"{prefix}.Figures[{x.Row}].NewSource")]);
    }

    /// <summary>Copies the rows at <paramref name="rows"/> to the next year, value empty; returns the index of the first copy.</summary>
    public int CarryToNextYear(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = Figures.Count;
        foreach (var i in rows.Where(r => r >= 0 && r < Figures.Count).Distinct().Order().ToList())
        {
            var f = Figures[i];
            Figures.Add(new KeyFigureInput
            {
                IndicatorCode = f.IndicatorCode, Label = f.Label, Unit = f.Unit, Year = YearRows.Next(f.Year), SourceKey = f.SourceKey,
            });
        }

        return first;
    }
}
