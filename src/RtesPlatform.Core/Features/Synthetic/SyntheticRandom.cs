namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// SplitMix64: a small seeded generator whose sequence is fixed by this code, not by the runtime's
/// <see cref="Random"/> implementation, so a seed gives the same network on every machine and
/// version. One per (tenant, indicator): changing the scope does not shift the other values.
/// </summary>
internal struct SyntheticRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong Hash(ulong seed, string text)
    {
        // FNV-1a over the UTF-16 code units, mixed with the seed.
        var hash = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int Next(int minValue, int maxExclusive) => minValue + (int)(NextDouble() * (maxExclusive - minValue));

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
