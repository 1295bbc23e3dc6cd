namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>What a reminder run did: mails delivered, mails that failed (retried), targets skipped.</summary>
public sealed record CampaignRunResult(int Delivered, int Failed, int NoRecipient, int Skipped)
{
    public static CampaignRunResult None { get; } = new(0, 0, 0, 0);

    public CampaignRunResult Add(CampaignRunResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Delivered + other.Delivered, Failed + other.Failed, NoRecipient + other.NoRecipient, Skipped + other.Skipped);
    }
}
