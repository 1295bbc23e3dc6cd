using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// The filters of every job, per service provider: Hangfire's statistics and continuations, the
/// tenant filter, and for each declared kind its retry policy (Hangfire's own
/// <see cref="AutomaticRetryAttribute"/> with the kind's attempts and delays), its exclusivity
/// (<see cref="DisableConcurrentExecutionAttribute"/>) and how long a success stays listed.
/// </summary>
internal sealed class RtesJobFilterProvider(JobCatalogue catalogue, TenantJobFilter tenant) : IJobFilterProvider
{
    /// <summary>How long a second run of an exclusive kind waits for the first before failing (and being retried).</summary>
    internal const int ExclusiveWaitSeconds = 600;

    private readonly JobFilter[] _global =
    [
        new(new StatisticsHistoryAttribute(), JobFilterScope.Global, null),
        new(new ContinuationsSupportAttribute(), JobFilterScope.Global, null),
        new(tenant, JobFilterScope.Global, null),
    ];

    private readonly ConcurrentDictionary<JobKind, JobFilter[]> _byKind = new();

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        if (catalogue.KindOf(job) is not { } kind)
        {
            return _global;
        }

        return _byKind.GetOrAdd(kind, static (k, global) =>
        {
            var filters = new List<JobFilter>(global)
            {
                new(new AutomaticRetryAttribute
                {
                    Attempts = k.Retry.Attempts,
                    DelaysInSeconds = k.Retry.DelaysInSeconds(),
                    OnAttemptsExceeded = AttemptsExceededAction.Fail,
                    LogEvents = true,
                }, JobFilterScope.Type, null),
                new(new KeepSucceededFilter(k.KeepSucceededFor), JobFilterScope.Type, null),
            };
            if (k.Exclusive)
            {
                filters.Add(new JobFilter(new DisableConcurrentExecutionAttribute(ExclusiveWaitSeconds), JobFilterScope.Type, null));
            }

            return [.. filters];
        }, _global);
    }
}
