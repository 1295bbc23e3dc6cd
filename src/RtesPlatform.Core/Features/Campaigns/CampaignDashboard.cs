using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>What the network console shows of a campaign: per target, updated / visited / reminded.</summary>
public sealed class CampaignDashboard(RtesDbContext db)
{
    private sealed record TargetQueryRow(Guid TenantId, string Name, string Slug, bool Active, DateTimeOffset? PublishedAt,
        DateTimeOffset? FiguresUpdatedAt, DateTimeOffset? FirstVisitAt, DateTimeOffset? UpdatedAt);

    public sealed record Summary(Campaign Campaign, int Targets, int Updated, int Visited, int Reminded);

    public async Task<IReadOnlyList<Summary>> ListAsync(CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.OpenedAt).Take(100).ToListAsync(cancellationToken);
        var summaries = new List<Summary>(campaigns.Count);
        foreach (var campaign in campaigns)
        {
            var rows = await TargetsAsync(campaign, cancellationToken);
            summaries.Add(new Summary(campaign, rows.Count, rows.Count(r => r.UpdatedAt is not null),
                rows.Count(r => r.FirstVisitAt is not null), rows.Count(r => r.Reminders.Count > 0)));
        }

        return summaries;
    }

    public Task<Campaign?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<IReadOnlyList<CampaignTargetRow>> TargetsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var rows = await db.Database.SqlQuery<TargetQueryRow>($"""
            SELECT g.tenant_id AS tenant_id, t.name AS name, t.slug AS slug, t.status = 'active' AS active,
                   g.published_at AS published_at, g.figures_updated_at AS figures_updated_at, g.first_visit_at AS first_visit_at,
                   GREATEST(CASE WHEN t.published_at > {campaign.OpenedAt} THEN t.published_at END,
                            CASE WHEN f.updated_at > {campaign.OpenedAt} THEN f.updated_at END) AS updated_at
            FROM campaign_targets g
            JOIN tenants t ON t.id = g.tenant_id
            LEFT JOIN app.tenant_figures_updated_at() f ON f.tenant_id = g.tenant_id
            WHERE g.campaign_id = {campaign.Id}
            ORDER BY t.name
            """).ToListAsync(cancellationToken);
        var reminders = (await db.CampaignReminders.AsNoTracking().Where(r => r.CampaignId == campaign.Id).ToListAsync(cancellationToken))
            .ToLookup(r => r.TenantId);
        return [.. rows.Select(r => new CampaignTargetRow
        {
            TenantId = r.TenantId, Name = r.Name, Slug = r.Slug, Active = r.Active, PublishedAt = r.PublishedAt,
            FiguresUpdatedAt = r.FiguresUpdatedAt, FirstVisitAt = r.FirstVisitAt, UpdatedAt = r.UpdatedAt,
            Reminders = [.. reminders[r.TenantId].OrderBy(x => x.ClaimedAt)],
        })];
    }
}
