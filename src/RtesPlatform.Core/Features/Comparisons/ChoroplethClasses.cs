namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// Quantile classes of a set of values (the map's medians by département): at most
/// <see cref="MaxClasses"/> classes, as many as there are distinct values when fewer. The breaks
/// are the quantiles i/k of the values, interpolated linearly like PostgreSQL's
/// <c>percentile_cont</c> (so a break may fall between two values); breaks that coincide merge
/// their classes; a single distinct value makes one class. Classes are closed above: a value equal to a break belongs to the lower class.
/// </summary>
public sealed class ChoroplethClasses
{
    public const int MaxClasses = 5;

    private readonly double[] _uppers;

    private ChoroplethClasses(IReadOnlyList<ChoroplethClass> classes)
    {
        Classes = classes;
        _uppers = [.. classes.Select(c => c.Upper)];
    }

    public IReadOnlyList<ChoroplethClass> Classes { get; }

    public static ChoroplethClasses Empty { get; } = new([]);

    public static ChoroplethClasses Of(IEnumerable<double> values, int maxClasses = MaxClasses)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClasses, 1);
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        var k = Math.Min(maxClasses, sorted.Distinct().Count());
        var bounds = new List<double> { sorted[0] };
        for (var i = 1; i < k; i++)
        {
            var cut = Quantile(sorted, i, k);
            // A first break on the minimum itself gives a class of the minimum alone ([5, 5, 10]: 5 | 10).
            if (cut < sorted[^1] && (cut > bounds[^1] || bounds.Count == 1))
            {
                bounds.Add(cut);
            }
        }

        bounds.Add(sorted[^1]);
        var classes = new List<ChoroplethClass>(bounds.Count - 1);
        for (var i = 1; i < bounds.Count; i++)
        {
            var lower = bounds[i - 1];
            var upper = bounds[i];
            var count = sorted.Count(v => (i == 1 ? v >= lower : v > lower) && v <= upper);
            classes.Add(new ChoroplethClass(i, lower, upper, count));
        }

        return new ChoroplethClasses(classes);
    }

    /// <summary>The class of a value (1 up), or null when there are no classes.</summary>
    public int? NumberOf(double value)
    {
        if (_uppers.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < _uppers.Length; i++)
        {
            if (value <= _uppers[i])
            {
                return i + 1;
            }
        }

        return _uppers.Length;
    }

    /// <summary>
    /// The quantile <paramref name="numerator"/>/<paramref name="denominator"/> of sorted values, by
    /// linear interpolation between closest ranks; the position is split in integers first, so that
    /// a break which falls on a value is that value exactly (10 … 100, 3/5: 64, not 63.999…).
    /// </summary>
    internal static double Quantile(double[] sorted, int numerator, int denominator)
    {
        var scaled = (long)(sorted.Length - 1) * numerator;
        var below = (int)(scaled / denominator);
        var fraction = (double)(scaled % denominator) / denominator;
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
