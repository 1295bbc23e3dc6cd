using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// One reminder to one tenant, in a scope with that tenant's access. In one transaction: the
/// tenant is still stale (no publication and no figure changed since the campaign opened), then
/// the reminder row is claimed (inserted, or taken over from a failed or abandoned attempt) and
/// the team read. The transaction commits before the first mail: a mail is never sent without
/// its row, and another run or node that comes later finds the row and sends nothing. After
/// each delivered mail the recipient is added to the row, so a retry writes only to those the
/// failed attempt did not reach (a crash between a delivery and that update is the one case a
/// person could get a reminder twice; the opposite choice, send then record, would lose
/// reminders on every failure instead).
/// </summary>
public sealed class TenantReminder(
    RtesDbContext db, TenantContext tenantContext, CampaignMails mails, TimeProvider clock,
    IOptions<CampaignOptions> options, ILogger<TenantReminder> logger)
{
    private sealed record Recipient(Guid Id, string Email);

    public async Task<CampaignRunResult> SendAsync(Campaign campaign, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var tenant = tenantContext.Tenant ?? throw new TenantMismatchException("A campaign reminder needs the tenant's scope.");
        var now = clock.GetUtcNow();
        var staleClaim = now - options.Value.StaleClaimAfter;

        var strategy = db.Database.CreateExecutionStrategy();
        var claim = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var publishedAt = await db.Tenants.Where(t => t.Id == tenant.Id).Select(t => t.PublishedAt).SingleAsync(ct);
            var figuresAt = await db.IndicatorValues.MaxAsync(v => (DateTimeOffset?)v.UpdatedAt, ct);
            if (publishedAt > campaign.OpenedAt || figuresAt > campaign.OpenedAt)
            {
                return null;
            }

            var delivered = await db.Database.SqlQuery<Guid[]>($"""
                INSERT INTO campaign_reminders AS r (campaign_id, tenant_id, kind, status, claimed_at, recipients, attempts)
                VALUES ({campaign.Id}, {tenant.Id}, {kind}, 'sending', {now}, ARRAY[]::uuid[], 1)
                ON CONFLICT (campaign_id, tenant_id, kind) DO UPDATE SET status = 'sending', claimed_at = excluded.claimed_at, attempts = r.attempts + 1
                WHERE r.status = 'failed' OR (r.status = 'sending' AND r.claimed_at < {staleClaim})
                RETURNING r.recipients AS "Value"
                """).ToListAsync(ct);
            if (delivered.Count == 0)
            {
                return null;
            }

            var team = await db.TenantMemberships.AsNoTracking()
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
                .Where(u => u.Email != null)
                .OrderBy(u => u.Email)
                .Select(u => new Recipient(u.Id, u.Email!))
                .ToListAsync(ct);
            if (team.Count == 0)
            {
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE campaign_reminders SET status = 'no-recipient'
                    WHERE campaign_id = {campaign.Id} AND tenant_id = {tenant.Id} AND kind = {kind}
                    """, ct);
            }

            await transaction.CommitAsync(ct);
            return team.Where(r => !delivered[0].Contains(r.Id)).ToList();
        }, cancellationToken);

        if (claim is null)
        {
            return new CampaignRunResult(0, 0, 0, 1);
        }

        if (claim.Count == 0)
        {
            logger.LogInformation("Campaign {CampaignId}, reminder {Kind} to {Tenant}: no recipient", campaign.Id, kind, tenant.Slug);
            return new CampaignRunResult(0, 0, 1, 0);
        }

        var (sent, failed) = (0, 0);
        foreach (var recipient in claim)
        {
            if (await mails.SendReminderAsync(campaign, kind, tenant, recipient.Email, recipient.Id, cancellationToken))
            {
                sent++;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE campaign_reminders SET recipients = array_append(recipients, {recipient.Id}), sent_at = {clock.GetUtcNow()}
                    WHERE campaign_id = {campaign.Id} AND tenant_id = {tenant.Id} AND kind = {kind}
                    """, CancellationToken.None);
            }
            else
            {
                failed++;
            }
        }

        var status = failed == 0 ? ReminderStatuses.Sent : ReminderStatuses.Failed;
        var error = failed == 0 ? null : FrenchFormat.Plural(failed, "envoi en échec", "envois en échec");
        await db.Database.ExecuteSqlAsync($"""
            UPDATE campaign_reminders SET status = {status}, last_error = {error}
            WHERE campaign_id = {campaign.Id} AND tenant_id = {tenant.Id} AND kind = {kind}
            """, CancellationToken.None);
        logger.LogInformation("Campaign {CampaignId}, reminder {Kind} to {Tenant}: {Sent} sent, {Failed} failed", campaign.Id, kind, tenant.Slug, sent, failed);
        return new CampaignRunResult(sent, failed, 0, 0);
    }
}
