using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>The member a comparison is about (the focus), as the peer groups need it.</summary>
public sealed record PeerMember(Guid Id, string Slug, string Name, TenantKind Kind, string? RegionCode, string? RegionName, int? Population);
