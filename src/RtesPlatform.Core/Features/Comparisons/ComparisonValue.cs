namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// The value each member shows in a comparison ending at <see cref="EndYear"/>: its most recent
/// value of the indicator within the ten years up to that year, for the public
/// (<see cref="PublicSees"/>: public values) and for the network (<see cref="NetworkSees"/>:
/// public and network values) — one row when both see the same value, two when they differ.
/// Written by <c>app.refresh_comparison_values</c> with the aggregates (never by the application);
/// a window of <c>n</c> years keeps the rows whose <see cref="Year"/> is within it. The member's
/// kind, région, band and département are copied so that a peer group reads one contiguous range.
/// Not a tenant-owned table (no <c>tenant_id</c>): a read model of the values the audiences may
/// compare, like <c>indicator_aggregates</c>, with row-level security by audience.
/// </summary>
public sealed class ComparisonValue
{
    /// <summary>The largest window of years a comparison may span.</summary>
    public const int MaxWindow = 10;

    public required string IndicatorCode { get; init; }
    public int EndYear { get; init; }
    public Guid MemberId { get; init; }
    public int Year { get; init; }
    public decimal Value { get; init; }
    /// <summary>The value per <c>per_capita_base</c> inhabitants; null when the indicator has no base or the member no population.</summary>
    public double? PerCapita { get; init; }
    public int? Population { get; init; }
    public bool PublicSees { get; init; }
    public bool NetworkSees { get; init; }
    public required string Kind { get; init; }
    public string? RegionCode { get; init; }
    /// <summary>A code of <see cref="PopulationBands"/>.</summary>
    public string? Band { get; init; }
    /// <summary>
    /// The département the map places the member in: the tenant's own <c>departement_code</c>
    /// (from its reference record; a département's own code), null for a région (it spans several).
    /// </summary>
    public string? DepartementCode { get; init; }
}
