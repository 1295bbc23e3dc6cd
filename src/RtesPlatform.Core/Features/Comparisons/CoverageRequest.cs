using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A page of the dashboard: members of a kind and a région (null: all), by name.</summary>
public sealed record CoverageRequest(TenantKind? Kind, string? RegionCode, int Page = 1, int PageSize = 25);
