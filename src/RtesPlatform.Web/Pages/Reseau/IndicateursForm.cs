using System.Globalization;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Web.Pages.Espace;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>A catalogue entry as typed in the network console.</summary>
public sealed class IndicateursForm
{
    public string? Code { get; set; }
    public string? LabelFr { get; set; }
    public string? LabelEn { get; set; }
    public string? Unit { get; set; }
    public string? Definition { get; set; }
    public string? Category { get; set; }
    /// <summary>Empty: not divided by population; otherwise the number of inhabitants.</summary>
    public string? PerCapitaBase { get; set; }
    public string? DefaultVisibility { get; set; }
    public string? SortOrder { get; set; }

    public static IndicateursForm From(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new()
        {
            Code = indicator.Code,
            LabelFr = indicator.LabelFr,
            LabelEn = indicator.LabelEn,
            Unit = indicator.Unit.ToString(),
            Definition = indicator.Definition,
            Category = indicator.Category.ToString(),
            PerCapitaBase = indicator.PerCapitaBase?.ToString(CultureInfo.InvariantCulture),
            DefaultVisibility = indicator.DefaultVisibility.ToString(),
            SortOrder = indicator.SortOrder.ToString(CultureInfo.InvariantCulture),
        };
    }

    public IndicatorDefinition? ToDefinition(FormCheck check, string prefix)
    {
        ArgumentNullException.ThrowIfNull(check);
        var code = check.Text($"{prefix}.Code", Code, "le code", 60, required: true);
        if (code is not null && !IndicatorCatalogue.IsValidCode(code))
        {
            check.Error($"{prefix}.Code", IndicatorCatalogue.CodeRule);
        }

        var labelFr = check.Text($"{prefix}.LabelFr", LabelFr, "le libellé en français", 200, required: true);
        var labelEn = check.Text($"{prefix}.LabelEn", LabelEn, "le libellé en anglais", 200, required: true);
        var unit = check.Choice<FigureUnit>($"{prefix}.Unit", Unit, "l’unité");
        var definition = check.Text($"{prefix}.Definition", Definition, "la définition", 4_000, required: true);
        var category = check.Choice<IndicatorCategory>($"{prefix}.Category", Category, "la catégorie");
        int? perCapita = null;
        if (!string.IsNullOrEmpty(PerCapitaBase))
        {
            if (int.TryParse(PerCapitaBase, NumberStyles.None, CultureInfo.InvariantCulture, out var perCapitaBase)
                && IndicatorCatalogue.PerCapitaBases.Contains(perCapitaBase))
            {
                perCapita = perCapitaBase;
            }
            else
            {
                check.Error($"{prefix}.PerCapitaBase", "Choisissez une base de population dans la liste.");
            }
        }

        var visibility = check.Choice<ValueVisibility>($"{prefix}.DefaultVisibility", DefaultVisibility, "la visibilité proposée");
        int? sortOrder = null;
        if (!string.IsNullOrWhiteSpace(SortOrder))
        {
            if (int.TryParse(SortOrder.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var order) && order is >= 0 and <= 100_000)
            {
                sortOrder = order;
            }
            else
            {
                check.Error($"{prefix}.SortOrder", "Saisissez un nombre entier entre 0 et 100 000 (les indicateurs sont listés du plus petit au plus grand).");
            }
        }

        return check.IsValid && code is not null && labelFr is not null && labelEn is not null && definition is not null
               && unit is not null && category is not null && visibility is not null
            ? new IndicatorDefinition(code, labelFr, labelEn, unit.Value, definition, category.Value, perCapita, visibility.Value, sortOrder)
            : null;
    }

    public static string CategoryLabel(IndicatorCategory category) => category switch
    {
        IndicatorCategory.Budget => "Budget",
        IndicatorCategory.Moyens => "Moyens humains",
        IndicatorCategory.Emploi => "Emploi",
        IndicatorCategory.Tissu => "Tissu d’acteurs",
        IndicatorCategory.Clauses => "Clauses sociales",
        _ => "Autre",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> Categories { get; } =
        [.. Enum.GetValues<IndicatorCategory>().Select(c => new KeyValuePair<string, string>(c.ToString(), CategoryLabel(c)))];

    public static string PerCapitaLabel(int? perCapitaBase) => perCapitaBase switch
    {
        null => "non",
        1 => "par habitant",
        { } n => $"pour {n.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} habitants",
    };

    public static IReadOnlyList<KeyValuePair<string, string>> PerCapitaOptions { get; } =
        [.. IndicatorCatalogue.PerCapitaBases.Select(b => new KeyValuePair<string, string>(b.ToString(CultureInfo.InvariantCulture), "Oui, " + PerCapitaLabel(b)))];
}
