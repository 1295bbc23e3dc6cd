namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>States of a reminder or digest row.</summary>
public static class ReminderStatuses
{
    /// <summary>Claimed by a run that is sending (or crashed while sending: retried once stale).</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>At least one mail could not be delivered: the next run (or the job's retry) tries those again.</summary>
    public const string Failed = "failed";
    /// <summary>The tenant's team has no one to write to; final.</summary>
    public const string NoRecipient = "no-recipient";
    /// <summary>Digest only: no publication that week, nothing sent; final.</summary>
    public const string Nothing = "nothing";
}
