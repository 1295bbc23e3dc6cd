using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>A member as a row of the dashboard (its fiche is linked only when published).</summary>
public sealed record CoverageMember(Guid TenantId, string Slug, string Name, TenantKind Kind, string? RegionName, bool IsFictitious, bool IsPublished);
