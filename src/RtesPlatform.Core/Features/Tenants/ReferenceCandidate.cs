using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// An official record offered when adding a collectivity: what it is, where, how many inhabitants;
/// <see cref="Identifier"/> is what <see cref="TenantProvisioning.CreateAsync"/> takes; the slug
/// of the tenant already made from it, if any.
/// </summary>
public sealed record ReferenceCandidate(
    RefCollectivity Record, TenantKind Kind, string? DepartementName, string? RegionName, string Identifier, string? ExistingSlug);
