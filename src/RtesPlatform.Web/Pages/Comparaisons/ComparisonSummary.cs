using System.Globalization;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>The text summary of a comparison, which the chart refers to and which says everything it shows.</summary>
public static class ComparisonSummary
{
    public static string Of(ComparisonResult result, NamedMember? focus)
    {
        ArgumentNullException.ThrowIfNull(result);
        var year = result.Year.ToString(CultureInfo.InvariantCulture);
        var count = result.TotalRows;
        var text = count switch
        {
            0 => $"Aucun membre de ce groupe n’a de valeur en {year} que vous puissiez comparer.",
            1 => $"1 membre a une valeur en {year}.",
            _ => $"{FrenchFormat.Number(count)} membres ont une valeur en {year}.",
        };
        if (result.Distribution is { } distribution && count > 0)
        {
            text += " " + ComparisonFormat.DistributionSentence(distribution, result.Indicator, result.PerCapita);
        }

        if (result.Focus is { Rank: { } rank } focusRow)
        {
            text += $" {focusRow.Member.Name} se situe au {ComparisonFormat.Rank(rank)} rang sur {FrenchFormat.Number(count)}"
                + (result.Distribution is { } d ? ", " + d.PositionOf(focusRow.Metric) : string.Empty)
                + $", avec {ComparisonFormat.Metric(focusRow.Metric, result.Indicator, result.PerCapita)}.";
        }
        else if (result.FocusMissing is { } missing)
        {
            text += missing.NearestYear is { } nearest
                ? $" {missing.Member.Name} n’a pas de valeur en {year} : sa valeur la plus proche date de {nearest.ToString(CultureInfo.InvariantCulture)} (non classée)."
                : $" {missing.Member.Name} n’a aucune valeur de cet indicateur.";
        }
        else if (focus is not null)
        {
            text += $" {focus.Name} ne fait pas partie de ce groupe en {year}, ou sa valeur ne peut pas y être comparée.";
        }

        return text;
    }
}
