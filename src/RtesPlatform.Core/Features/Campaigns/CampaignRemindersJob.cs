using System.Globalization;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// Daily campaign reminders (and at once when a campaign opens). One job for the whole network:
/// each tenant is then handled in its own scope with that tenant's access. Idempotent: each
/// reminder is claimed before it is sent, so a second run sends nothing twice. A run with failed
/// mails fails, so its retry policy runs it again (what was sent is not resent).
/// </summary>
public sealed class CampaignRemindersJob(CampaignReminderSender sender)
{
    public const string DailyId = "campaign-reminders";

    public static JobKind Kind { get; } = new()
    {
        Key = "campaign-reminders",
        Type = typeof(CampaignRemindersJob),
        Method = nameof(RunAsync),
        Name = "Rappels des campagnes de mise à jour",
        Description = "Envoie les rappels des campagnes ouvertes, chaque jour et dès l’ouverture d’une campagne.",
        Retry = JobRetryPolicy.Default,
        Exclusive = true,
    };

    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await sender.RunAsync(cancellationToken);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failed} campaign reminder mail(s) could not be sent; they are retried"));
        }

        return result;
    }
}
