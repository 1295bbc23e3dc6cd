using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// Opens a campaign: the campaign and its targets (every active tenant whose fiche or figures are
/// older than the chosen date, with that staleness recorded) in one transaction, then asks the
/// reminder job to run now for the opening reminders.
/// </summary>
public sealed class CampaignOpener(RtesDbContext db, TimeProvider clock, CampaignJobRequests jobs, ILogger<CampaignOpener> logger)
{
    public async Task<Campaign> OpenAsync(string title, string message, DateOnly deadline, DateOnly staleBefore, Guid? openedBy, CancellationToken cancellationToken)
    {
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Message = message,
            Deadline = deadline,
            StaleBefore = staleBefore,
            OpenedAt = clock.GetUtcNow(),
            OpenedBy = openedBy,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        var targets = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(ct);
            // A recent fiche without any figure is up to date: "no figure" alone does not target.
            // The targets are inserted by the database (app.open_campaign_targets) from the
            // campaign's own date: no session may write other tenants' targets directly.
            var count = await db.Database.SqlQuery<int>($"""
                SELECT app.open_campaign_targets({campaign.Id}) AS "Value"
                """).SingleAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return count;
        }, cancellationToken);

        logger.LogInformation("Campaign {CampaignId} opened by {UserId}: {Targets} tenant(s) targeted", campaign.Id, openedBy, targets);
        await jobs.RunRemindersNowAsync(cancellationToken);
        return campaign;
    }
}
