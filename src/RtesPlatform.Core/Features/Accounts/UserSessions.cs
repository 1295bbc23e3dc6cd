using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// Ends a person's sessions on every instance at once: their server-side sessions
/// (<see cref="AuthTicket"/>) are deleted, so any copy of their cookies stops working at the next
/// request; <see cref="EndAllAsync"/> also renews the security stamp, which stops their API
/// refresh tokens. Used by "sign out of every device", password changes and resets, and the
/// removal of a member from a team.
/// </summary>
public sealed class UserSessions(RtesDbContext db)
{
    /// <summary>Deletes every server-side session of the user, except <paramref name="keep"/> (a ticket id) if given.</summary>
    public Task<int> DeleteSessionsAsync(Guid userId, string? keep, CancellationToken cancellationToken) =>
        db.AuthTickets.Where(t => t.UserId == userId && t.Id != keep).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes every session and renews the security stamp (for a caller that holds no tracked copy of the user).</summary>
    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        await DeleteSessionsAsync(userId, keep: null, cancellationToken);
        var stamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
        var concurrency = Guid.NewGuid().ToString();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp).SetProperty(u => u.ConcurrencyStamp, concurrency), cancellationToken);
    }
}
