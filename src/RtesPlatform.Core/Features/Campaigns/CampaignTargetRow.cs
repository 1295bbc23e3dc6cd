namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>One target on the campaign dashboard.</summary>
public sealed class CampaignTargetRow
{
    public Guid TenantId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public bool Active { get; init; }
    /// <summary>Fiche publication when the campaign opened (null: never published).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? FiguresUpdatedAt { get; init; }
    /// <summary>Latest publication or figure change since the campaign opened; null: not updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? FirstVisitAt { get; init; }
    public IReadOnlyList<CampaignReminder> Reminders { get; init; } = [];
}
