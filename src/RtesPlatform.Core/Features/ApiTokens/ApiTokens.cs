using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.ApiTokens;

/// <summary>
/// The current tenant's personal API tokens: create (the secret is returned once), list, revoke,
/// each audited. Looking a token up runs before any tenant is known, through the security-definer
/// function <c>app.find_api_token</c>, so that the table stays behind row-level security.
/// </summary>
public sealed class ApiTokens(RtesDbContext db, TenantContext tenantContext, TimeProvider clock)
{
    public const int NameMaxLength = 100;

    /// <summary>How stale <c>last_used_at</c> may get: a token used in a loop writes at most once per interval.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Creates a token acting as <paramref name="userId"/> in the current tenant; returns it with its secret text.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateAsync(
        string name, DateTimeOffset? expiresAt, Guid userId, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireTenantAccess();
        var (secret, prefix, hash) = ApiTokenSecrets.NewToken();
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = hash,
            CreatedBy = userId,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.ApiTokenCreated, by, now, new { token = token.Id, name = token.Name, prefix, expiresAt }));
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>Every token of the current tenant, newest first, with the names of who created and revoked it.</summary>
    public async Task<IReadOnlyList<ApiTokenListItem>> ListAsync(CancellationToken cancellationToken)
    {
        RequireTenantAccess();
        return await (from t in db.ApiTokens.AsNoTracking()
                      join c in db.Users on t.CreatedBy equals c.Id into creators
                      from c in creators.DefaultIfEmpty()
                      join r in db.Users on t.RevokedBy equals r.Id into revokers
                      from r in revokers.DefaultIfEmpty()
                      orderby t.CreatedAt descending
                      select new ApiTokenListItem(t, c == null ? null : c.DisplayName ?? c.Email, r == null ? null : r.DisplayName ?? r.Email))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a token of the current tenant; false when there is none, or it is already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid id, Guid userId, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireTenantAccess();
        var now = clock.GetUtcNow();
        // Conditional update: of two concurrent revocations, one records it.
        var revoked = await db.ApiTokens
            .Where(t => t.Id == id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedBy, userId), cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        var token = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.ApiTokenRevoked, by, now, new { token = id, name = token.Name, prefix = token.Prefix }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The token a bearer credential names, whatever the current tenant (none yet); null when unknown.</summary>
    public async Task<ApiToken?> FindAsync(string? text, CancellationToken cancellationToken)
    {
        if (ApiTokenSecrets.Parse(text) is not var (prefix, hash))
        {
            return null;
        }

        // api_tokens is tenant-private (RLS); this security-definer function returns the one row
        // whose secret hash matches, which only the holder of the secret can compute.
        var token = await db.ApiTokens
            .FromSql($"SELECT * FROM app.find_api_token({hash})")
            .IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        return token is not null && token.Prefix == prefix ? token : null;
    }

    /// <summary>Records that a token of the current tenant was used (at most once per <see cref="LastUsedPrecision"/>).</summary>
    public async Task TouchAsync(ApiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = clock.GetUtcNow();
        if (tenantContext is not { TenantId: { } tenantId, RequiresDatabaseScope: true } || tenantId != token.TenantId
            || token.LastUsedAt > now - LastUsedPrecision)
        {
            return;
        }

        var before = now - LastUsedPrecision;
        await db.ApiTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < before))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }

    private void RequireTenantAccess()
    {
        if (tenantContext.TenantId is null || !tenantContext.RequiresDatabaseScope)
        {
            throw new TenantMismatchException("Managing API tokens needs tenant access.");
        }
    }
}
