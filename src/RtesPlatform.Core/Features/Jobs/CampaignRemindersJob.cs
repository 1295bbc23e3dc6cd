using Quartz;
using RtesPlatform.Core.Features.Campaigns;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Daily campaign reminders (and at once when a campaign opens). One job for the whole network:
/// each tenant is then handled in its own scope with that tenant's access. A run with failed
/// mails fails, so the scheduler's retry policy runs it again (what was sent is not resent).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CampaignRemindersJob(CampaignReminderSender sender) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await sender.RunAsync(cancellationToken);
        context.Result = result;
        if (result.Failed > 0)
        {
            throw new JobExecutionException($"{result.Failed} campaign reminder mail(s) could not be sent; they are retried");
        }
    }
}
