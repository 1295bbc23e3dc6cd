namespace RtesPlatform.Core.Features.ApiTokens;

/// <summary>A token as the tenant's admins see it in the list: never its secret, with who created and revoked it.</summary>
public sealed record ApiTokenListItem(ApiToken Token, string? CreatedByName, string? RevokedByName);
