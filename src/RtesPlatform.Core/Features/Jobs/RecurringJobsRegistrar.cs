using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Stores the declared recurring jobs (every node at start, before its server runs; Hangfire
/// changes a stored one only when its definition changed, under a lock, so nodes starting together
/// agree), removes the stored ones no feature declares any more, and enqueues the declared
/// start jobs (<see cref="NodeStartJob"/>).
/// </summary>
public sealed class RecurringJobsRegistrar(
    JobCatalogue catalogue, IRecurringJobManager manager, IBackgroundJobClient jobs, JobStorage storage,
    IEnumerable<NodeStartJob> startJobs, ILogger<RecurringJobsRegistrar> logger)
{
    public void Register()
    {
        foreach (var definition in catalogue.Recurring)
        {
            manager.AddOrUpdate(definition.Id, definition.Job, definition.Cron, new RecurringJobOptions
            {
                TimeZone = ParisCalendar.Zone,
                MisfireHandling = definition.Misfire,
            });
        }

        using var connection = storage.GetConnection();
        var declared = catalogue.Recurring.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stored in connection.GetRecurringJobs().Where(r => !declared.Contains(r.Id)))
        {
            manager.RemoveIfExists(stored.Id);
            logger.LogInformation("Recurring job {RecurringJobId} is no longer declared: removed", stored.Id);
        }

        foreach (var start in startJobs)
        {
            jobs.Create(start.Job, new EnqueuedState());
        }
    }
}
