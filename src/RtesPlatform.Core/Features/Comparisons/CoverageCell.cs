using RtesPlatform.Core.Features.Indicators;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A member's latest value of an indicator that the viewer sees: its year, value and visibility.</summary>
public sealed record CoverageCell(int Year, decimal Value, ValueVisibility Visibility);
