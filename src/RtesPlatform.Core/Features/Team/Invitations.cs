using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Team;

/// <summary>
/// Invitations to a tenant's team. Creating and revoking run in the tenant's unit of work (tenant
/// access); looking a token up runs without a tenant, through <c>app.find_invitation</c>; accepting
/// opens its own unit of work for the invitation's tenant, so row-level security applies to the writes.
/// </summary>
public sealed class Invitations(
    RtesDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IOptions<TeamOptions> options)
{
    /// <summary>Creates an invitation in the current tenant; returns the token to put in the mail.</summary>
    public async Task<(Invitation Invitation, string Token)> CreateAsync(
        string email, string role, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!TenantRole.IsValid(role))
        {
            throw new ArgumentException($"Unknown tenant role {role}.", nameof(role));
        }

        var token = InvitationTokens.NewToken();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            Email = email.Trim(),
            Role = role,
            TokenHash = InvitationTokens.Hash(token)!,
            CreatedBy = Guid.TryParse(by.Id, out var userId) ? userId : null,
            CreatedAt = now,
            ExpiresAt = now + options.Value.InvitationLifetime,
        };
        // Inviting an address again replaces its pending invitation: one valid link per address.
        var previous = await db.Invitations
            .Where(i => i.Email == invitation.Email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.RevokedAt = now;
            db.AuditEvents.Add(TeamAudit.Event(AuditActions.InvitationRevoked, by, now, new { invitation = old.Id, email = old.Email, replacedBy = invitation.Id }));
        }

        db.Invitations.Add(invitation);
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.MemberInvited, by, now, new { invitation = invitation.Id, email = invitation.Email, role }));
        await db.SaveChangesAsync(cancellationToken);
        return (invitation, token);
    }

    /// <summary>The same, from a unit of work without the tenant (the network console).</summary>
    public static async Task<(Invitation Invitation, string Token)> CreateForTenantAsync(
        IServiceScopeFactory scopeFactory, TenantInfo tenant, string email, string role, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeFactory);
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(tenant);
        return await scope.ServiceProvider.GetRequiredService<Invitations>().CreateAsync(email, role, by, cancellationToken);
    }

    /// <summary>The invitations of the current tenant still waiting for an answer, newest first.</summary>
    public async Task<IReadOnlyList<Invitation>> PendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a pending invitation of the current tenant; false when there is none to revoke.</summary>
    public async Task<bool> RevokeAsync(Guid id, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var now = clock.GetUtcNow();
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null || !invitation.IsPending(now))
        {
            return false;
        }

        invitation.RevokedAt = now;
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.InvitationRevoked, by, now, new { invitation = id, email = invitation.Email }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Finds the invitation of a token, without a tenant (the invitee has none yet).</summary>
    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (InvitationTokens.Hash(token) is not { } hash)
        {
            return InvitationLookup.Unknown;
        }

        // invitations is tenant-private (RLS); this security-definer function returns the one row
        // whose token hash matches, which only the holder of the mailed token can compute.
        var invitation = await db.Invitations
            .FromSql($"SELECT * FROM app.find_invitation({hash})")
            .IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (invitation is null)
        {
            return InvitationLookup.Unknown;
        }

        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == invitation.TenantId, cancellationToken);
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            return InvitationLookup.Unknown;
        }

        var state = invitation switch
        {
            { AcceptedAt: not null } => InvitationState.Accepted,
            { RevokedAt: not null } => InvitationState.Revoked,
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => InvitationState.Expired,
            _ => InvitationState.Pending,
        };
        return new InvitationLookup(state, invitation, TenantInfo.From(tenant));
    }

    /// <summary>
    /// Marks the invitation accepted and gives the user its role, in one transaction of the
    /// invitation's tenant. The conditional update is the single-use guard: of two concurrent
    /// acceptances, the second waits for the first's row lock, then finds it accepted and changes nothing.
    /// </summary>
    public async Task<bool> AcceptAsync(InvitationLookup lookup, RtesUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(user);
        if (lookup is not { State: InvitationState.Pending, Invitation: { } invitation, Tenant: { } tenant })
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(tenant);
        var tenantDb = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var strategy = tenantDb.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            tenantDb.ChangeTracker.Clear();
            await using var transaction = await tenantDb.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var claimed = await tenantDb.Invitations
                .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            var membership = await tenantDb.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
            if (membership is null)
            {
                tenantDb.TenantMemberships.Add(new TenantMembership { UserId = user.Id, Role = invitation.Role, CreatedAt = now });
            }
            else if (invitation.Role == TenantRole.Admin)
            {
                // An invitation never lowers a member's role.
                membership.Role = TenantRole.Admin;
            }

            var by = new AuthoringUser(user.Id.ToString(), user.DisplayName ?? user.Email);
            tenantDb.AuditEvents.Add(TeamAudit.Event(AuditActions.InvitationAccepted, by, now, new { invitation = invitation.Id, role = invitation.Role }));
            await tenantDb.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }
}
