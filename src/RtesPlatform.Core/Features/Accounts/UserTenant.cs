namespace RtesPlatform.Core.Features.Accounts;

/// <summary>A collectivity whose team the signed-in user belongs to, with their role in it.</summary>
public sealed record UserTenant(Guid TenantId, string Slug, string Name, string Role);
