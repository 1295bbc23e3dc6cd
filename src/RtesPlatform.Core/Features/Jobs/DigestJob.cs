using Quartz;
using RtesPlatform.Core.Features.Campaigns;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The weekly digest of publications for network admins (Monday morning); once per week.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(WeeklyDigest digest) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await digest.RunAsync(cancellationToken);
        context.Result = result;
        if (result.Failed > 0)
        {
            throw new JobExecutionException($"{result.Failed} digest mail(s) could not be sent; they are retried");
        }
    }
}
