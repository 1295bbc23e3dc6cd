namespace RtesPlatform.Bench;

/// <summary>One class of the mixed workload: its share of the requests and the real URLs it draws from.</summary>
internal sealed record MixedClass(string Name, double Weight, IReadOnlyList<string> Urls);
