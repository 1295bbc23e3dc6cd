using System.Globalization;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>fr-FR wording of comparisons: per-capita bases, metrics, ranks, categories, visibility.</summary>
public static class ComparisonFormat
{
    private static readonly CultureInfo _fr = WebSetup.French;

    /// <summary>"par habitant", "pour 10 000 habitants".</summary>
    public static string PerCapitaBase(int perCapitaBase) =>
        perCapitaBase == 1 ? "par habitant" : "pour " + FrenchFormat.Number(perCapitaBase) + "\u00a0habitants";

    /// <summary>A computed figure (a per-capita value, a quartile): two decimals at most, three significant digits when small.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude >= 1000)
        {
            return value.ToString("N0", _fr);
        }

        return magnitude is >= 1 or 0
            ? Math.Round(value, 2).ToString("#,##0.##", _fr)
            : value.ToString("G3", _fr);
    }

    /// <summary>
    /// A per-capita value: two decimals ("0,87", "1,91"), as hand-checked figures are written; whole
    /// numbers from 1 000; three significant digits below 0,01 so a small rate never reads "0,00".
    /// </summary>
    public static string PerCapitaNumber(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude >= 1000 ? value.ToString("N0", _fr)
            : magnitude is >= 0.01 or 0 ? value.ToString("#,##0.00", _fr)
            : value.ToString("G3", _fr);
    }

    /// <summary>The compared metric with its unit: "8 049 personnes", "1,91 € par habitant".</summary>
    public static string Metric(double metric, Indicator indicator, bool perCapita)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!perCapita || indicator.PerCapitaBase is not { } perCapitaBase)
        {
            return FrenchFormat.Figure((decimal)metric, indicator.Unit);
        }

        var number = PerCapitaNumber(metric);
        var unit = indicator.Unit switch
        {
            FigureUnit.Euros => "\u00a0€",
            FigureUnit.Percent => "\u00a0%",
            FigureUnit.Fte => "\u00a0ETP",
            FigureUnit.Hours => "\u00a0heures",
            FigureUnit.Persons => "\u00a0personnes",
            _ => string.Empty,
        };
        return number + unit + " " + PerCapitaBase(perCapitaBase);
    }

    /// <summary>The metric as written in data attributes and exports: invariant, round-trippable.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Invariant(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The same amount without the trailing zeros of the column's scale (15000.0000 → 15000).</summary>
    public static decimal Normalize(decimal value) => decimal.Parse(Invariant(value), CultureInfo.InvariantCulture);

    /// <summary>A coordinate of a chart (SVG wants a decimal point).</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"1er", "3e".</summary>
    public static string Rank(int rank) => rank == 1 ? "1er" : rank.ToString(CultureInfo.InvariantCulture) + "e";

    public static string Category(IndicatorCategory category) => category switch
    {
        IndicatorCategory.Budget => "Budget",
        IndicatorCategory.Moyens => "Moyens humains",
        IndicatorCategory.Emploi => "Emploi",
        IndicatorCategory.Tissu => "Tissu économique",
        IndicatorCategory.Clauses => "Clauses sociales",
        _ => "Autres indicateurs",
    };

    public static string Visibility(ValueVisibility visibility) => visibility switch
    {
        ValueVisibility.Public => "Public",
        ValueVisibility.Network => "Réseau",
        _ => "Privé",
    };

    /// <summary>The origin of a value as exports write it: fiche, manual, synthetic (fictitious demonstration figures).</summary>
    public static string OriginCode(ValueOrigin origin) => origin switch
    {
        ValueOrigin.Synthetic => "synthetic",
        ValueOrigin.Manual => "manual",
        _ => "fiche",
    };

    public static string VisibilityCode(ValueVisibility visibility) => visibility switch
    {
        ValueVisibility.Public => "public",
        ValueVisibility.Network => "network",
        _ => "private",
    };

    public static string UnitCode(FigureUnit unit) => unit switch
    {
        FigureUnit.Euros => "EUR",
        FigureUnit.Percent => "percent",
        FigureUnit.Fte => "fte",
        FigureUnit.Hours => "hours",
        FigureUnit.Persons => "persons",
        _ => "count",
    };

    /// <summary>"12 membres ont une valeur en 2023. Médiane : …" — the text alternative of a chart.</summary>
    public static string DistributionSentence(Distribution distribution, Indicator indicator, bool perCapita)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return $"Médiane : {Metric(distribution.Median, indicator, perCapita)} ; premier quartile : {Metric(distribution.Q1, indicator, perCapita)} ; "
            + $"troisième quartile : {Metric(distribution.Q3, indicator, perCapita)} (minimum {Metric(distribution.Min, indicator, perCapita)}, maximum {Metric(distribution.Max, indicator, perCapita)}).";
    }

    public static string Members(int count) => count switch
    {
        0 => "aucun membre",
        1 => "1 membre",
        _ => FrenchFormat.Number(count) + " membres",
    };
}
