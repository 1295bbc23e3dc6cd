using System.Globalization;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The years a comparison spans: each member's most recent value from <see cref="FirstYear"/> to
/// <see cref="EndYear"/> (<see cref="Years"/> = 1: that year only). The address carries it as
/// <c>fin</c> and <c>fenetre</c>, on the pages and in the API alike.
/// </summary>
public sealed record ComparisonWindow
{
    /// <summary>The window when none is asked: the five years ending at the most recent year with data.</summary>
    public const int DefaultYears = 5;

    public ComparisonWindow(int endYear, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, ComparisonValue.MaxWindow);
        EndYear = endYear;
        Years = years;
    }

    public int EndYear { get; }
    public int Years { get; }
    public int FirstYear => EndYear - Years + 1;
    public bool IsSingleYear => Years == 1;

    /// <summary>The window choices offered to users (1 = this year only).</summary>
    public static IReadOnlyList<int> Choices { get; } = [1, 2, 3, 5, 10];

    public static ComparisonWindow SingleYear(int year) => new(year, 1);

    /// <summary>"2024 uniquement" or "de 2020 à 2024".</summary>
    public string Label => IsSingleYear
        ? string.Create(CultureInfo.InvariantCulture, $"{EndYear} uniquement")
        : string.Create(CultureInfo.InvariantCulture, $"de {FirstYear} à {EndYear}");

    /// <summary>The French label of a window choice.</summary>
    public static string ChoiceLabel(int years) => years == 1
        ? "Cette année seulement"
        : string.Create(CultureInfo.InvariantCulture, $"Valeur la plus récente sur {years} ans");
}
