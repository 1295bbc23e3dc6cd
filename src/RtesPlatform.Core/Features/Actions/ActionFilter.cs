using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Actions;

/// <summary>What the "Qui fait quoi" page narrows the published actions to; null means no filter.</summary>
public sealed record ActionFilter(string? ThemeCode = null, TenantKind? Kind = null, string? RegionCode = null);
