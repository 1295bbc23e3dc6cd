using System.Diagnostics;

namespace RtesPlatform.Bench;

/// <summary>Latencies of repeated runs of one query, in milliseconds.</summary>
internal sealed class Percentiles(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public async Task MeasureAsync(Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        _milliseconds.Add(watch.Elapsed.TotalMilliseconds);
    }

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public void AddRange(Percentiles other) => _milliseconds.AddRange(other._milliseconds);

    public double At(double percentile)
    {
        var sorted = _milliseconds.Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
