namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>The weekly digest of one ISO week (its Monday is the key): sent once, whatever runs it.</summary>
public sealed class DigestSend
{
    public DateOnly WeekStart { get; init; }
    /// <summary>See <see cref="ReminderStatuses"/>.</summary>
    public required string Status { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public Guid[] Recipients { get; set; } = [];
    public int Publications { get; set; }
    public int Attempts { get; set; }
}
