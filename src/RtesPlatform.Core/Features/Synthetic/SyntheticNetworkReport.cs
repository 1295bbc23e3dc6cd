namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>What a run of <see cref="SyntheticNetwork"/> did, and how long each step took.</summary>
public sealed record SyntheticNetworkReport(
    int TenantsCreated,
    int TenantsReused,
    int TenantsSkipped,
    long ValuesDeleted,
    long ValuesWritten,
    long Aggregates,
    TimeSpan LoadTime,
    TimeSpan AnalyzeTime,
    TimeSpan RefreshTime,
    TimeSpan TotalTime);
