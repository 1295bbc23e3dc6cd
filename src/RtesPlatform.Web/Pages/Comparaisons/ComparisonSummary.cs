using System.Globalization;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.Comparaisons;

/// <summary>
/// The text summary of a comparison, which the chart refers to and which says everything it shows:
/// first what a reader needs at once (how many members, which years, where the member in focus
/// sits), then the distribution and the notes (members without a value, population vintages,
/// fictitious rows), which a phone shows after the ranked rows.
/// </summary>
public static class ComparisonSummary
{
    public static (string Main, string? Notes) Parts(ComparisonResult result, PeerMember? focus)
    {
        ArgumentNullException.ThrowIfNull(result);
        var notes = new List<string>();
        var window = result.Window;
        var period = window.IsSingleYear ? "en " + Year(window.EndYear) : $"entre {Year(window.FirstYear)} et {Year(window.EndYear)}";
        var count = result.TotalRows;
        var text = count switch
        {
            0 => $"Aucun membre de ce groupe n’a de valeur {period} que vous puissiez comparer.",
            1 => $"1 membre a une valeur {period}.",
            _ => $"{FrenchFormat.Number(count)} membres ont une valeur {period}.",
        };
        if (!window.IsSingleYear && result.YearsShown is { } span)
        {
            text += span.From == span.To
                ? $" Valeurs de {Year(span.From)}, la plus récente de chaque membre."
                : $" Valeurs de {Year(span.From)} à {Year(span.To)} (la plus récente de chaque membre) ; l’année de chaque valeur est indiquée.";
        }

        if (result.Distribution is { } distribution && count > 0)
        {
            notes.Add(ComparisonFormat.DistributionSentence(distribution, result.Indicator, result.PerCapita));
        }

        if (result.MissingCount > 0)
        {
            notes.Add(result.MissingCount == 1
                ? $"1 membre du groupe n’a pas de valeur {period} : il est listé sans être classé."
                : $"{FrenchFormat.Number(result.MissingCount)} membres du groupe n’ont pas de valeur {period} : ils sont listés sans être classés.");
        }


        if (result.Focus is { Rank: { } rank } focusRow)
        {
            text += $" {focusRow.Member.Name} se situe au {ComparisonFormat.Rank(rank)} rang sur {FrenchFormat.Number(count)}"
                + (result.Distribution is { } d ? ", " + d.PositionOf(focusRow.Metric) : string.Empty)
                + $", avec {ComparisonFormat.Metric(focusRow.Metric, result.Indicator, result.PerCapita)}"
                + (window.IsSingleYear ? "." : $" en {Year(focusRow.Year)}.");
        }
        else if (result.FocusMissing is { } missing)
        {
            text += missing.NearestYear is { } nearest
                ? $" {missing.Member.Name} n’a pas de valeur {period} : sa valeur la plus récente date de {Year(nearest)} (non classée)."
                : $" {missing.Member.Name} n’a aucune valeur de cet indicateur {period}.";
        }
        else if (focus is not null)
        {
            text += $" {focus.Name} ne fait pas partie de ce groupe, ou sa valeur ne peut pas y être comparée.";
        }

        if (VintageNote(result) is { } note)
        {
            notes.Add(note);
        }

        if (result.Rows.Any(r => r.IsFictitious) || result.Missing.Any(m => m.Member.IsFictitious))
        {
            notes.Add("Les lignes marquées « Données fictives de démonstration » sont des collectivités inventées pour la démonstration : leurs chiffres ne décrivent aucune collectivité réelle.");
        }

        return (text, notes.Count > 0 ? string.Join(" ", notes) : null);
    }

    /// <summary>Said once when some per-capita value divides by a population of another year: "population 2026 pour une valeur 2012".</summary>
    public static string? VintageNote(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.PopulationVintageDiffers || result.Rows.FirstOrDefault(r => r.PopulationVintageDiffers) is not { } row)
        {
            return null;
        }

        return $"Par habitant : chaque valeur est rapportée à la dernière population légale connue du membre, qui peut dater d’une autre année que la valeur (par exemple population {Year(row.Member.PopulationVintage!.Value)} pour une valeur {Year(row.Year)}).";
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
