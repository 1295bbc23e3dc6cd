using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// The daily reminder run (the <c>campaign-reminders</c> job): for each open campaign, the one
/// reminder kind due today (<see cref="ReminderKinds.Due"/>), to each target that has not had it.
/// The network-wide part runs without a tenant; each tenant is then handled by
/// <see cref="TenantReminder"/> in its own scope with that tenant's access (row-level security on
/// the team's memberships and figures), like a back-office request. Safe to run twice, or on two
/// nodes at once: the reminder row is claimed before any mail leaves.
/// </summary>
public sealed class CampaignReminderSender(
    RtesDbContext db, IServiceScopeFactory scopes, TimeProvider clock, IOptions<CampaignOptions> options, ILogger<CampaignReminderSender> logger)
{
    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ParisCalendar.DateOf(now);
        var staleClaim = now - options.Value.StaleClaimAfter;
        var campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.Deadline >= today && c.OpenedAt <= now)
            .OrderBy(c => c.OpenedAt)
            .ToListAsync(cancellationToken);

        var result = CampaignRunResult.None;
        foreach (var campaign in campaigns)
        {
            var kind = ReminderKinds.Due(ParisCalendar.DateOf(campaign.OpenedAt), campaign.Deadline, today);
            if (kind is null)
            {
                continue;
            }

            // Targets still to handle for this kind (app.campaign_targets_to_remind: this pass runs
            // without a tenant, and row-level security shows it no target); whether each still
            // needs it is decided again, under the claim, in the tenant's own scope.
            var due = await db.Database.SqlQuery<Guid>($"""
                SELECT t AS "Value" FROM app.campaign_targets_to_remind({campaign.Id}, {kind}, {staleClaim}) AS t
                """).ToListAsync(cancellationToken);
            var tenants = await db.Tenants.AsNoTracking()
                .Where(t => due.Contains(t.Id) && t.Status == TenantStatus.Active)
                .OrderBy(t => t.Id)
                .ToListAsync(cancellationToken);

            foreach (var tenant in tenants)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
                using var logScope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["CampaignId"] = campaign.Id });
                result = result.Add(await scope.ServiceProvider.GetRequiredService<TenantReminder>()
                    .SendAsync(campaign, kind, cancellationToken));
            }
        }

        logger.LogInformation("Campaign reminders: {Delivered} mail(s) delivered, {Failed} failed, {NoRecipient} tenant(s) without recipient, {Skipped} skipped",
            result.Delivered, result.Failed, result.NoRecipient, result.Skipped);
        return result;
    }
}
