namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// A tenant targeted by a campaign, with its staleness when the campaign opened and the first
/// visit of a team member to its back office afterwards. Not <c>ITenantOwned</c>: the network
/// console reads every target. Row-level security (migration <c>HardenCampaignRls</c>): a tenant
/// session reads and writes its own rows, a signed-in network admin reads every row, a session
/// with neither sees nothing; targets are inserted by <c>app.open_campaign_targets</c>.
/// </summary>
public sealed class CampaignTarget
{
    public Guid CampaignId { get; init; }
    public Guid TenantId { get; init; }
    /// <summary><c>tenants.published_at</c> when the campaign opened (null: never published).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Latest change of the tenant's figures when the campaign opened (null: none).</summary>
    public DateTimeOffset? FiguresUpdatedAt { get; init; }
    public DateTimeOffset? FirstVisitAt { get; set; }
}
