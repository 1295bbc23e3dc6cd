namespace RtesPlatform.Bench;

/// <summary>What one class of a mixed workload measured: latencies to the last byte, bytes, errors (non-2xx or failed).</summary>
internal sealed class ClassResult(string name)
{
    private readonly List<string> _errorSamples = [];

    public string Name { get; } = name;

    public Percentiles Latencies { get; } = new(name);

    public long Bytes { get; private set; }

    public int Errors { get; private set; }

    /// <summary>Up to five errors, for the report.</summary>
    public IReadOnlyList<string> ErrorSamples => _errorSamples;

    public void Record(double milliseconds, long bytes, string? error)
    {
        Latencies.Add(milliseconds);
        Bytes += bytes;
        if (error is not null)
        {
            Errors++;
            if (_errorSamples.Count < 5)
            {
                _errorSamples.Add(error);
            }
        }
    }

    public void Merge(ClassResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Latencies.AddRange(other.Latencies);
        Bytes += other.Bytes;
        Errors += other.Errors;
        foreach (var sample in other._errorSamples.Take(5 - _errorSamples.Count))
        {
            _errorSamples.Add(sample);
        }
    }
}
