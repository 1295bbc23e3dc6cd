using System.Globalization;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>The weekly digest of publications for network admins (Monday morning); sent once per week and admin, whatever the number of runs.</summary>
public sealed class WeeklyDigestJob(WeeklyDigest digest)
{
    public const string WeeklyId = "weekly-digest";

    public static JobKind Kind { get; } = new()
    {
        Key = "weekly-digest",
        Type = typeof(WeeklyDigestJob),
        Method = nameof(RunAsync),
        Name = "Récapitulatif hebdomadaire des publications",
        Description = "Envoie aux administrateurs du réseau le récapitulatif des publications de la semaine.",
        Retry = JobRetryPolicy.Default,
        Exclusive = true,
    };

    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await digest.RunAsync(cancellationToken);
        if (result.Failed > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{result.Failed} digest mail(s) could not be sent; they are retried"));
        }

        return result;
    }
}
