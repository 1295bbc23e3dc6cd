using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>A tenant of the synthetic network: made from a reference record now, or by an earlier run.</summary>
internal sealed record SyntheticTenant(
    Guid Id,
    bool IsNew,
    string Slug,
    string Name,
    TenantKind Kind,
    string? Siren,
    string? InseeCode,
    int? Population,
    int? PopulationVintage,
    string? RegionCode,
    string? RegionName,
    string? DepartementCode,
    string? DepartementName)
{
    /// <summary>What its values are seeded from: stable across runs and databases (not the id).</summary>
    public string Key => $"{TenantKindLabels.Code(Kind)}:{Siren ?? InseeCode}";
}
