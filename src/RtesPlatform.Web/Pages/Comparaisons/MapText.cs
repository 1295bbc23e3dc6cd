using System.Globalization;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>The words of the map of members: each département's tooltip, the legend's classes, and the text summary that says what the map shows.</summary>
public static class MapText
{
    public const string FictitiousNote =
        "Les membres marqués «\u00a0Données fictives de démonstration\u00a0» sont des collectivités inventées pour la démonstration\u00a0: leurs chiffres ne décrivent aucune collectivité réelle.";

    /// <summary>"Charente-Maritime (17) : 3 membres dont 1 fictif ; 2 avec une valeur, médiane 1,23 € par habitant (classe 3)".</summary>
    public static string Tooltip(ComparisonMapResult result, MapDepartement d, int? classNumber)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(d);
        var text = $"{d.Name} ({d.Code})\u00a0: {ComparisonFormat.Members(d.Members)}" + Fictitious(d);
        if (result.Indicator is { } indicator && d.Members > 0)
        {
            text += d.Median is { } median
                ? $"\u00a0; {FrenchFormat.Number(d.WithValue)} avec une valeur, médiane {ComparisonFormat.Metric(median, indicator, result.PerCapita)}"
                  + (classNumber is { } n ? $" (classe {n.ToString(CultureInfo.InvariantCulture)})" : "")
                : "\u00a0; aucun n’a de valeur sur la période";
        }

        return text;
    }

    /// <summary>" dont 1 fictif", " dont 3 fictifs", or nothing.</summary>
    public static string Fictitious(MapDepartement d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.FictitiousMembers switch
        {
            0 => string.Empty,
            1 => " dont 1 fictif",
            var n => $" dont {FrenchFormat.Number(n)} fictifs",
        };
    }

    /// <summary>"Classe 1 : de 10 à 28 € par habitant", "Classe 2 : plus de 28 et jusqu’à 46 € par habitant".</summary>
    public static string ClassLabel(ComparisonMapResult result, ChoroplethClass c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"Classe {c.Number.ToString(CultureInfo.InvariantCulture)}\u00a0: {ClassBounds(result, c)}";
    }

    /// <summary>"de 10 à 28 € par habitant" for the first class, "plus de 28 et jusqu’à 46 € par habitant" for the others.</summary>
    public static string ClassBounds(ComparisonMapResult result, ChoroplethClass c)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(c);
        var indicator = result.Indicator ?? throw new InvalidOperationException("Classes need an indicator.");
        var upper = ComparisonFormat.Metric(c.Upper, indicator, result.PerCapita);
        var lower = ComparisonFormat.Metric(c.Lower, indicator, result.PerCapita);
        return c.Number == 1
            ? (c.Lower == c.Upper ? upper : $"de {lower} à {upper}")
            : $"plus de {lower} et jusqu’à {upper}";
    }

    /// <summary>What the map shows, in sentences: the text alternative of the map (its SVG description and the paragraph above it).</summary>
    public static string Summary(ComparisonMapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var placed = result.Departements.Where(d => d.Members > 0).ToList();
        var located = placed.Sum(d => d.Members);
        var overseas = placed.Count(d => d.IsOverseas);
        var text = result.Members switch
        {
            0 => "Le réseau ne compte encore aucun membre actif.",
            1 => "Le réseau compte 1 collectivité membre.",
            var n => $"Le réseau compte {FrenchFormat.Number(n)} collectivités membres.",
        };
        if (located > 0)
        {
            text += $" {Members(located, "est situé", "sont situés")} dans {Departements(placed.Count)}"
                + (overseas > 0 ? $" (dont {FrenchFormat.Number(overseas)} d’outre-mer)" : "") + ".";
            var most = placed.OrderByDescending(d => d.Members).ThenBy(d => d.Code, StringComparer.Ordinal).First();
            if (placed.Count > 1 && most.Members > 1)
            {
                text += $" Le département qui en compte le plus\u00a0: {most.Name}, avec {ComparisonFormat.Members(most.Members)}.";
            }
        }

        if (result.Regions.Count > 0)
        {
            text += result.Regions.Count == 1
                ? " 1 région membre couvre plusieurs départements\u00a0: elle est listée à part, sans être placée sur la carte."
                : $" {FrenchFormat.Number(result.Regions.Count)} régions membres couvrent plusieurs départements\u00a0: elles sont listées à part, sans être placées sur la carte.";
        }

        if (result.WithoutDepartement > 0)
        {
            text += $" {Members(result.WithoutDepartement, "n’a", "n’ont")} pas de département connu.";
        }

        if (result.Indicator is { } indicator && result.Window is { } window)
        {
            var valued = placed.Where(d => d.Median is not null).ToList();
            var period = window.IsSingleYear ? "en " + Year(window.EndYear) : "entre " + Year(window.FirstYear) + " et " + Year(window.EndYear);
            text += $" {indicator.LabelFr}{(result.PerCapita ? ", " + ComparisonFormat.PerCapitaBase(indicator.PerCapitaBase!.Value) : "")}, valeur la plus récente {period}\u00a0: ";
            if (valued.Count == 0)
            {
                text += "aucun membre situé dans un département n’a de valeur.";
            }
            else
            {
                var low = valued.MinBy(d => d.Median)!;
                var high = valued.MaxBy(d => d.Median)!;
                text += $"{Members(result.WithValue, "a", "ont")} une valeur, dans {Departements(valued.Count)}."
                    + (valued.Count > 1
                        ? $" Médiane par département\u00a0: de {ComparisonFormat.Metric(low.Median!.Value, indicator, result.PerCapita)} ({low.Name}) à {ComparisonFormat.Metric(high.Median!.Value, indicator, result.PerCapita)} ({high.Name})."
                        : $" Médiane\u00a0: {ComparisonFormat.Metric(low.Median!.Value, indicator, result.PerCapita)} ({low.Name}).")
                    + " Les départements sont répartis en " + (result.Classes.Classes.Count == 1 ? "1 classe" : $"{result.Classes.Classes.Count} classes")
                    + " selon leur médiane (quantiles)\u00a0: "
                    + string.Join("\u00a0; ", result.Classes.Classes.Select(c => $"classe {c.Number.ToString(CultureInfo.InvariantCulture)}, {ClassBounds(result, c)} ({Departements(c.Count)})")) + ".";
            }
        }

        if (placed.Any(d => d.FictitiousMembers > 0) || result.Regions.Any(r => r.Member.IsFictitious))
        {
            text += " " + FictitiousNote;
        }

        return text;
    }

    private static string Members(int count, string one, string many) =>
        count == 1 ? "1 membre " + one : FrenchFormat.Number(count) + " membres " + many;

    private static string Departements(int count) => count == 1 ? "1 département" : FrenchFormat.Number(count) + " départements";

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
