using Hangfire.States;
using Hangfire.Storage;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>How long a finished job stays in the storage (Hangfire's default: one day).</summary>
internal sealed class KeepSucceededFilter(TimeSpan keep) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NewState.IsFinal)
        {
            context.JobExpirationTimeout = keep;
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
