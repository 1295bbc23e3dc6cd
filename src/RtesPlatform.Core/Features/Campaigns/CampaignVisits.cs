using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// Records the first visit of a team member to the back office while a campaign targets the
/// tenant. One conditional UPDATE per dashboard view, which writes at most once per tenant and
/// campaign (<c>first_visit_at IS NULL</c>); row-level security keeps it to the session's tenant.
/// </summary>
public sealed class CampaignVisits(RtesDbContext db, TenantContext tenantContext, TimeProvider clock)
{
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        if (tenantContext.TenantId is not { } tenantId)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = ParisCalendar.DateOf(now);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE campaign_targets t SET first_visit_at = {now}
            FROM campaigns c
            WHERE t.tenant_id = {tenantId} AND t.first_visit_at IS NULL
              AND c.id = t.campaign_id AND c.opened_at <= {now} AND c.deadline >= {today}
            """, cancellationToken);
    }
}
