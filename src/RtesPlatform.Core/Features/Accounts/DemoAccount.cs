namespace RtesPlatform.Core.Features.Accounts;

/// <summary>A development-only account of the demo (see README, "Development accounts").</summary>
public sealed record DemoAccount(string Email, string DisplayName, string? NetworkRole, string? TenantSlug, string? TenantRole);
