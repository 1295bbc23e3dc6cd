using Hangfire;
using Microsoft.Extensions.Logging;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>Runs the reminder job now (a campaign was opened); any free node of the cluster runs it.</summary>
public sealed class CampaignJobRequests(IRecurringJobManager recurringJobs, ILogger<CampaignJobRequests> logger)
{
    public Task RunRemindersNowAsync(CancellationToken cancellationToken)
    {
        try
        {
            recurringJobs.Trigger(CampaignRemindersJob.DailyId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The campaign is committed: the daily run sends the opening reminders.
            logger.LogWarning(exception, "Could not start the campaign reminders now; the daily run will send them");
        }

        return Task.CompletedTask;
    }
}
