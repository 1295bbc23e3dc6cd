using Microsoft.Extensions.Logging;
using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>Fires the reminder job now (a campaign was opened); any node of the cluster runs it.</summary>
public sealed class CampaignJobRequests(ISchedulerFactory schedulers, ILogger<CampaignJobRequests> logger)
{
    public async Task RunRemindersNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(CampaignJobKeys.Reminders, cancellationToken);
        }
        catch (SchedulerException exception)
        {
            // The campaign is committed: the daily run sends the opening reminders.
            logger.LogWarning(exception, "Could not fire the campaign reminders now; the daily run will send them");
        }
    }
}
