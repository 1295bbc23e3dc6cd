using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Core.Features.Team;

/// <summary>
/// The current tenant's team: list the members, change a role, remove a member (audited). Removing
/// a member also revokes the personal API tokens they hold for this tenant (for good: being
/// invited back does not revive them) and ends their sessions.
/// </summary>
public sealed class TeamManager(RtesDbContext db, UserSessions sessions, TimeProvider clock)
{
    public async Task<IReadOnlyList<TeamMember>> MembersAsync(CancellationToken cancellationToken) =>
        await (from m in db.TenantMemberships
               join u in db.Users on m.UserId equals u.Id
               orderby u.DisplayName ?? u.Email
               select new TeamMember(m.UserId, u.DisplayName, u.Email, m.Role))
            .ToListAsync(cancellationToken);

    /// <summary>Whether someone with this e-mail address is already in the team.</summary>
    public Task<bool> HasMemberWithEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return (from m in db.TenantMemberships
                join u in db.Users on m.UserId equals u.Id
                where u.NormalizedEmail == normalized
                select m).AnyAsync(cancellationToken);
    }

    public Task<TeamChange> ChangeRoleAsync(Guid userId, string role, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!TenantRole.IsValid(role))
        {
            throw new ArgumentException($"Unknown tenant role {role}.", nameof(role));
        }

        return WithAdminsLockedAsync(ct => ChangeRoleLockedAsync(userId, role, by, ct), cancellationToken);
    }

    public Task<TeamChange> RemoveAsync(Guid userId, AuthoringUser by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        return WithAdminsLockedAsync(ct => RemoveLockedAsync(userId, by, ct), cancellationToken);
    }

    /// <summary>
    /// Runs a team change with the tenant's admin memberships locked (SELECT … FOR UPDATE), so
    /// that two admins demoting or removing each other at the same moment cannot both pass the
    /// last-admin check: the second waits, then sees the first one's change.
    /// </summary>
    private Task<TeamChange> WithAdminsLockedAsync(Func<CancellationToken, Task<TeamChange>> change, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM tenant_memberships WHERE role = {TenantRole.Admin} FOR UPDATE", ct);
            var result = await change(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);

    private async Task<TeamChange> ChangeRoleLockedAsync(Guid userId, string role, AuthoringUser by, CancellationToken cancellationToken)
    {
        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return TeamChange.NotFound;
        }

        if (membership.Role == role)
        {
            return TeamChange.Done;
        }

        if (membership.Role == TenantRole.Admin && await IsLastAdminAsync(userId, cancellationToken))
        {
            return TeamChange.LastAdmin;
        }

        var from = membership.Role;
        membership.Role = role;
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.MemberRoleChanged, by, clock.GetUtcNow(), new { user = userId, from, to = role }));
        await db.SaveChangesAsync(cancellationToken);
        return TeamChange.Done;
    }

    private async Task<TeamChange> RemoveLockedAsync(Guid userId, AuthoringUser by, CancellationToken cancellationToken)
    {
        var membership = await db.TenantMemberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            return TeamChange.NotFound;
        }

        if (membership.Role == TenantRole.Admin && await IsLastAdminAsync(userId, cancellationToken))
        {
            return TeamChange.LastAdmin;
        }

        var now = clock.GetUtcNow();
        db.TenantMemberships.Remove(membership);
        db.AuditEvents.Add(TeamAudit.Event(AuditActions.MemberRemoved, by, now, new { user = userId, role = membership.Role }));
        var revokedBy = Guid.TryParse(by.Id, out var byId) ? byId : (Guid?)null;
        var tokens = await db.ApiTokens.Where(t => t.CreatedBy == userId && t.RevokedAt == null)
            .Select(t => new { t.Id, t.Name, t.Prefix }).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            db.AuditEvents.Add(TeamAudit.Event(AuditActions.ApiTokenRevoked, by, now,
                new { token = token.Id, name = token.Name, prefix = token.Prefix, reason = "member_removed" }));
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.ApiTokens.Where(t => t.CreatedBy == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedBy, revokedBy), cancellationToken);
        await sessions.EndAllAsync(userId, cancellationToken);
        return TeamChange.Done;
    }

    private Task<bool> IsLastAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        db.TenantMemberships.AllAsync(m => m.Role != TenantRole.Admin || m.UserId == userId, cancellationToken);
}
