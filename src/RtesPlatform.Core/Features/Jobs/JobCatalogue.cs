using Hangfire.Common;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>Every kind of job and every recurring job the features declared.</summary>
public sealed class JobCatalogue(IEnumerable<JobKind> kinds, IEnumerable<RecurringJobDefinition> recurring)
{
    public IReadOnlyList<JobKind> Kinds { get; } = [.. kinds];

    public IReadOnlyList<RecurringJobDefinition> Recurring { get; } = [.. recurring];

    public JobKind? KindOf(Job? job) => job is null ? null : Kinds.FirstOrDefault(k => k.Matches(job));

    public JobKind? Find(string key) => Kinds.FirstOrDefault(k => k.Key == key);
}
