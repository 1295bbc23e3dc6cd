using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Reads the indicator values a fiche provides: its panorama figures that carry an indicator
/// code, its budget lines (summed per year and nature, and in total) and its staff figure. One
/// source of truth: a figure typed in the fiche is never typed again as an indicator value.
/// </summary>
public static class IndicatorDerivation
{
    /// <summary>Key figures of the panorama that name the indicator by its code.</summary>
    public const string FromFigures = "figure";
    /// <summary>Sum of every budget line of a year.</summary>
    public const string FromBudgetTotal = "budget:total";
    /// <summary>Prefix of the sum of the budget lines of one nature ("budget:Fonctionnement").</summary>
    public const string FromBudgetNaturePrefix = "budget:";
    /// <summary>The staff figure (FTE) of the budget section.</summary>
    public const string FromStaff = "staff";

    /// <summary>Every value of the catalogue this fiche provides, at most one per indicator and year.</summary>
    public static IReadOnlyList<DerivedValue> Derive(FicheContent content, IEnumerable<Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalogue);
        var sources = content.Sources
            .GroupBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var values = new Dictionary<(string Code, int Year), DerivedValue>();

        foreach (var indicator in catalogue)
        {
            foreach (var value in ValuesOf(indicator, content, sources))
            {
                // The first figure of an indicator and year wins; the back office refuses duplicates.
                values.TryAdd((value.IndicatorCode, value.Year), value);
            }
        }

        return [.. values.Values.OrderBy(v => v.IndicatorCode, StringComparer.Ordinal).ThenBy(v => v.Year)];
    }

    /// <summary>Where in the fiche an indicator is typed, in French, for the back office.</summary>
    public static string? Describe(string? derivedFrom) => derivedFrom switch
    {
        null => null,
        FromFigures => "Panorama (chiffres clés)",
        FromBudgetTotal => "Budget (somme des lignes)",
        FromStaff => "Budget (moyens humains)",
        _ when derivedFrom.StartsWith(FromBudgetNaturePrefix, StringComparison.Ordinal) => "Budget (lignes de cette nature)",
        _ => null,
    };

    private static IEnumerable<DerivedValue> ValuesOf(
        Indicator indicator, FicheContent content, Dictionary<string, Source> sources)
    {
        switch (indicator.DerivedFrom)
        {
            case FromFigures:
                foreach (var figure in content.Panorama.Figures.Where(f =>
                             string.Equals(f.IndicatorCode, indicator.Code, StringComparison.Ordinal) && f.Unit == indicator.Unit))
                {
                    yield return Value(indicator, figure.Year, figure.Value, [figure.SourceKey], sources);
                }

                break;
            case FromStaff when content.Budget.Staff is { } staff:
                yield return Value(indicator, staff.Year, staff.Fte, [staff.SourceKey], sources);
                break;
            case FromBudgetTotal:
                foreach (var year in content.Budget.Lines.GroupBy(l => l.Year))
                {
                    yield return Value(indicator, year.Key, year.Sum(l => l.Amount), [.. year.Select(l => l.SourceKey)], sources);
                }

                break;
            case { } derived when derived.StartsWith(FromBudgetNaturePrefix, StringComparison.Ordinal)
                                  && Enum.TryParse<BudgetNature>(derived[FromBudgetNaturePrefix.Length..], out var nature):
                foreach (var year in content.Budget.Lines.Where(l => l.Nature == nature).GroupBy(l => l.Year))
                {
                    yield return Value(indicator, year.Key, year.Sum(l => l.Amount), [.. year.Select(l => l.SourceKey)], sources);
                }

                break;
            default:
                break;
        }
    }

    private static DerivedValue Value(
        Indicator indicator, int year, decimal value, IReadOnlyList<string?> sourceKeys, Dictionary<string, Source> sources)
    {
        // One source when every part points to the same one; otherwise the fiche itself is the source.
        var keys = sourceKeys.Distinct(StringComparer.Ordinal).ToList();
        var source = keys is [{ } key] && sources.TryGetValue(key, out var found) ? found : null;
        return new DerivedValue(indicator.Code, year, value, source is null ? null : SourceTitle(source), source?.Url?.ToString());
    }

    private static string SourceTitle(Source source)
    {
        var parts = new List<string> { source.Title };
        if (!string.IsNullOrWhiteSpace(source.Publisher))
        {
            parts.Add(source.Publisher);
        }

        if (source.Year is { } year)
        {
            parts.Add(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var title = string.Join(", ", parts);
        return title.Length <= 300 ? title : title[..300];
    }
}

/// <summary>A value a published fiche provides for the catalogue.</summary>
public sealed record DerivedValue(string IndicatorCode, int Year, decimal Value, string? SourceTitle, string? SourceUrl);
