using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>Publishes the draft (see <see cref="FichePublisher"/>) and records who did it.</summary>
public sealed class AuthoringPublisher(RtesDbContext db, FichePublisher publisher, TimeProvider clock)
{
    public async Task<FicheVersion> PublishAsync(AuthoringUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var version = await PublishWithRetryAsync(user, cancellationToken);

        // After the publication's own transaction: the publication stands even if this insert
        // fails, and the failure surfaces as an error rather than being swallowed.
        db.ChangeTracker.Clear();
        db.AuditEvents.Add(new AuditEvent
        {
            At = version.PublishedAt,
            UserId = user.Id,
            UserName = user.Name,
            Action = AuditActions.FichePublished,
            Version = version.Number,
            Details = string.Create(CultureInfo.InvariantCulture, $$"""{"version": {{version.Number}}}"""),
        });
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>
    /// Two editors publishing at the same moment compute the same next number; the loser's insert
    /// hits the primary key, and publishing again (the draft as it now is) gives it the next one.
    /// </summary>
    private async Task<FicheVersion> PublishWithRetryAsync(AuthoringUser user, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await publisher.PublishDraftAsync(user.Label, clock.GetUtcNow(), cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < 3 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
