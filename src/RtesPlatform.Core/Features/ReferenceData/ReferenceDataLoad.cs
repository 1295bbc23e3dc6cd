namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>One load of the reference tables: which package version, which vintage, how many rows.</summary>
public sealed class ReferenceDataLoad
{
    public int Id { get; init; }
    public required string PackageVersion { get; init; }
    public int Vintage { get; init; }
    public int RowCount { get; init; }
    public DateTimeOffset LoadedAt { get; init; }
}
