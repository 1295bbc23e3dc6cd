using System.Globalization;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

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

    /// <summary>The section, or null with French messages in the model state; figures may be tagged with <c>indicators</c> only.</summary>
    public PanoramaSection? ToSection(FormCheck check, string prefix, IReadOnlySet<string> sourceKeys, IReadOnlyCollection<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(indicators);
        var tagged = new Dictionary<(string Code, int Year), int>();
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
            var code = CheckIndicator(check, $"{key}.IndicatorCode", figure.IndicatorCode, unit, year, i, indicators, tagged);
            if (label is not null && value is not null && unit is not null && year is not null)
            {
                figures.Add(new KeyFigure
                {
                    IndicatorCode = code,
                    Label = label, Value = value.Value, Unit = unit.Value, Year = year.Value, SourceKey = source,
                });
            }
        }

        return check.IsValid ? new PanoramaSection { Narrative = narrative, Figures = figures } : null;
    }

    /// <summary>
    /// A figure tagged with an indicator is compared across the network: the indicator must be in
    /// the catalogue, in the figure's unit, and carry one value per year.
    /// </summary>
    private static string? CheckIndicator(FormCheck check, string key, string? value, FigureUnit? unit, int? year, int index,
        IReadOnlyCollection<Indicator> indicators, Dictionary<(string Code, int Year), int> tagged)
    {
        var code = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (code is null)
        {
            return null;
        }

        var indicator = indicators.FirstOrDefault(i => i.Code == code);
        if (indicator is null)
        {
            check.Error(key, "Choisissez un indicateur comparé dans la liste, ou aucun.");
            return null;
        }

        if (unit is { } u && u != indicator.Unit)
        {
            check.Error(key, $"L’indicateur « {indicator.LabelFr} » se mesure en {IndicatorValueForm.UnitLabel(indicator.Unit)} : choisissez cette unité ou un autre indicateur.");
            return null;
        }

        if (year is { } y && !tagged.TryAdd((code, y), index))
        {
            check.Error(key, string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Le chiffre {tagged[(code, y)] + 1} porte déjà cet indicateur pour {y} : un indicateur n’a qu’une valeur par année."));
            return null;
        }

        return code;
    }
}
