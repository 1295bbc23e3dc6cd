namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>
/// A région member: it spans several départements, so the map does not paint it on one; it is
/// listed beside the map with its value in the window (when it has one).
/// </summary>
public sealed record MapRegionMember(MapMember Member, string? RegionName, int? Year, decimal? Value, double? Metric);
