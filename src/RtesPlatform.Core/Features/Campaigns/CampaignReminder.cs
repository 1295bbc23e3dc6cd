namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// One reminder of a campaign to one tenant: its primary key (campaign, tenant, kind) is the
/// idempotency key. Claimed (status "sending") before any mail leaves; <see cref="Recipients"/>
/// grows by one user after each delivered mail, so a retry only writes to those not reached yet.
/// </summary>
public sealed class CampaignReminder
{
    public Guid CampaignId { get; init; }
    public Guid TenantId { get; init; }
    /// <summary>See <see cref="ReminderKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>See <see cref="ReminderStatuses"/>.</summary>
    public required string Status { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public Guid[] Recipients { get; set; } = [];
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
