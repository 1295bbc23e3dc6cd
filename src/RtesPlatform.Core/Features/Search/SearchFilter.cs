using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Search;

/// <summary>What a search is narrowed to, besides its words; null means no filter.</summary>
public sealed record SearchFilter(string? ThemeCode = null, TenantKind? Kind = null, string? RegionCode = null);
