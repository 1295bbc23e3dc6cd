using System.Globalization;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>Helpers of the yearly update: the next year of a typed year, the rows of the latest year.</summary>
public static class YearRows
{
    public static string? Next(string? year) =>
        int.TryParse(year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? FormText.Of(y + 1) : year;

    /// <summary>The indexes of the rows of the most recent year typed (the ones an officer updates first).</summary>
    public static IReadOnlyList<int> Latest(IReadOnlyList<string?> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var parsed = years.Select(y => int.TryParse(y?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).ToList();
        var latest = parsed.Max();
        return latest is null ? [] : [.. parsed.Select((y, i) => (y, i)).Where(x => x.y == latest).Select(x => x.i)];
    }

    /// <summary>The most recent year typed in the rows, or null.</summary>
    public static int? LatestYear(IEnumerable<string?> years) =>
        years.Select(y => int.TryParse(y?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null).Max();
}
