using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.ApiTokens;

/// <summary>
/// A personal API token: lets a program act as the tenant admin who created it, on that tenant
/// only. Only the SHA-256 of its secret is kept; the secret is shown once, at creation. Revoked,
/// never deleted, so the audit trail keeps what it points to.
/// </summary>
public sealed class ApiToken : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The public part of the token (<c>rtes_{prefix}_…</c>), shown in lists to tell tokens apart.</summary>
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    /// <summary>The user the token acts as; null once that account is deleted (the token is then dead).</summary>
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }

    public ApiTokenState StateAt(DateTimeOffset now) => this switch
    {
        { RevokedAt: not null } => ApiTokenState.Revoked,
        { ExpiresAt: { } expires } when expires <= now => ApiTokenState.Expired,
        { CreatedBy: null } => ApiTokenState.Revoked,
        _ => ApiTokenState.Active,
    };
}
