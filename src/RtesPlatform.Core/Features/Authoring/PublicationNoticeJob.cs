using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// Mails the rest of a tenant's team that a version of their fiche is public, in the background:
/// a tenant-carrying job (<see cref="JobKind.RequiresTenant"/>), created inside the publishing
/// request, whose scope gets the tenant back from <see cref="TenantJobActivator"/> — row-level
/// security applies to everything it reads and writes. Idempotent per recipient
/// (<see cref="PublicationNotices"/>): a run again after a crash mails only those not yet mailed.
/// </summary>
public sealed class PublicationNoticeJob(PublicationNotices notices)
{
    public static JobKind Kind { get; } = new()
    {
        Key = "publication-notice",
        Type = typeof(PublicationNoticeJob),
        Method = nameof(SendAsync),
        Name = "Avis de publication à l’équipe",
        Description = "Prévient par courriel les autres membres de l’équipe d’une collectivité qu’une nouvelle version de leur fiche est en ligne.",
        Retry = JobRetryPolicy.Exponential(5, TimeSpan.FromSeconds(30)),
        RequiresTenant = true,
        CanRunNow = false,
        KeepSucceededFor = TimeSpan.FromDays(2),
    };

    public Task<int> SendAsync(int versionNumber, string? publisherId, string? publisherName, string publicUrl, CancellationToken cancellationToken) =>
        notices.SendAsync(versionNumber, new AuthoringUser(publisherId, publisherName), publicUrl, cancellationToken);
}
