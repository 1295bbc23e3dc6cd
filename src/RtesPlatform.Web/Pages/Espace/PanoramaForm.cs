using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>The panorama section as typed in the form.</summary>
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

    public PanoramaSection? ToSection(FormCheck check, string prefix, IReadOnlySet<string> sourceKeys)
    {
        ArgumentNullException.ThrowIfNull(check);
        var narrative = check.Text($"{prefix}.Narrative", Narrative, "le texte", 20_000);
        var figures = new List<KeyFigure>();
        for (var i = 0; i < Figures.Count; i++)
        {
            var figure = Figures[i];
            var key = $"{prefix}.Figures[{i}]";
            var label = check.Text($"{key}.Label", figure.Label, "le libellé", 200, required: true);
            var value = check.Amount($"{key}.Value", figure.Value, "la valeur", required: true);
            var unit = check.Choice<FigureUnit>($"{key}.Unit", figure.Unit, "l’unité");
            var year = check.Year($"{key}.Year", figure.Year, required: true);
            var source = check.SourceKey($"{key}.SourceKey", figure.SourceKey, sourceKeys);
            if (label is not null && value is not null && unit is not null && year is not null)
            {
                figures.Add(new KeyFigure
                {
                    IndicatorCode = string.IsNullOrWhiteSpace(figure.IndicatorCode) ? null : figure.IndicatorCode,
                    Label = label, Value = value.Value, Unit = unit.Value, Year = year.Value, SourceKey = source,
                });
            }
        }

        return check.IsValid ? new PanoramaSection { Narrative = narrative, Figures = figures } : null;
    }
}
