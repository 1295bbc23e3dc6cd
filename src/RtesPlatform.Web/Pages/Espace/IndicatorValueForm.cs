using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>A value typed by hand on the "Chiffres comparés" page, as typed.</summary>
public sealed class IndicatorValueForm
{
    public string? IndicatorCode { get; set; }
    public string? Year { get; set; }
    public string? Value { get; set; }
    public string? SourceTitle { get; set; }
    public string? SourceUrl { get; set; }
    /// <summary>Empty: the indicator's default visibility.</summary>
    public string? Visibility { get; set; }

    public static IndicatorValueForm From(IndicatorValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new()
        {
            IndicatorCode = value.IndicatorCode,
            Year = FormText.Of(value.Year),
            Value = FormText.Of(value.Value),
            SourceTitle = value.SourceTitle,
            SourceUrl = value.SourceUrl,
            Visibility = value.Visibility.ToString(),
        };
    }

    public ManualValue? ToValue(FormCheck check, string prefix, IReadOnlyCollection<Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(catalogue);
        var code = IndicatorCode?.Trim();
        var indicator = catalogue.FirstOrDefault(i => i.Code == code);
        if (indicator is null)
        {
            check.Error($"{prefix}.IndicatorCode", "Choisissez un indicateur dans la liste.");
        }

        var year = check.Year($"{prefix}.Year", Year, required: true);
        var value = check.Amount($"{prefix}.Value", Value, "la valeur", required: true);
        if (indicator is not null && value is not null && IndicatorValueEditor.ValueProblem(indicator, value.Value) is { } problem)
        {
            check.Error($"{prefix}.Value", problem);
            value = null;
        }
        var title = check.Text($"{prefix}.SourceTitle", SourceTitle, "la source (un chiffre sans source ne peut pas être comparé honnêtement)", 300, required: true);
        var url = check.Url($"{prefix}.SourceUrl", SourceUrl);
        ValueVisibility? visibility = string.IsNullOrEmpty(Visibility) ? null : check.Choice<ValueVisibility>($"{prefix}.Visibility", Visibility, "la visibilité");
        return check.IsValid && code is not null && year is not null && value is not null && title is not null
            ? new ManualValue(code, year.Value, value.Value, title, url, visibility)
            : null;
    }

    public static string VisibilityLabel(ValueVisibility visibility) => visibility switch
    {
        ValueVisibility.Public => "Public",
        ValueVisibility.Network => "Réseau",
        _ => "Privé",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> VisibilityOptions { get; } =
    [
        new(nameof(ValueVisibility.Public), "Public : tout le monde, données ouvertes comprises"),
        new(nameof(ValueVisibility.Network), "Réseau : les membres du RTES connectés"),
        new(nameof(ValueVisibility.Private), "Privé : votre collectivité seulement (jamais comparé)"),
    ];

    public static string UnitLabel(Core.Features.Fiches.FigureUnit unit) =>
        EspaceLabels.Units.FirstOrDefault(u => u.Key == unit.ToString()).Value ?? unit.ToString();

    public static string Formatted(decimal value, Core.Features.Fiches.FigureUnit unit) => FrenchFormat.Figure(value, unit);
}
