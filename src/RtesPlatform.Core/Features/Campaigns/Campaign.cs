namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// A yearly update campaign opened by a network admin: network data (no tenant). Open from
/// <see cref="OpenedAt"/> until the end of <see cref="Deadline"/> (Paris time).
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Markdown written by the network admin: rendered by SafeMarkdown on pages, sent as text in mails.</summary>
    public required string Message { get; init; }
    public DateOnly Deadline { get; init; }
    /// <summary>Tenants whose fiche or figures are older than this date are targeted.</summary>
    public DateOnly StaleBefore { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public Guid? OpenedBy { get; init; }
}
