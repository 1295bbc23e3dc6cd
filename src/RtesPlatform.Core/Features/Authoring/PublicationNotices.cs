using System.Globalization;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// Tells the tenant's team that a new version of their fiche is public. Queued after the
/// publication has committed (<see cref="Queue"/>, run by <see cref="PublicationNoticeJob"/>): a
/// mail that cannot be sent is logged by the mailer and never undoes the publication. Each mail
/// sent is recorded in the tenant's audit log (<see cref="AuditActions.PublicationNoticeSent"/>)
/// and not sent again for the same version, so a job run twice mails nobody twice.
/// </summary>
public sealed class PublicationNotices(
    RtesDbContext db, TenantContext tenantContext, IMailer mailer, IBackgroundJobClient jobs, TimeProvider clock, ILogger<PublicationNotices> logger)
{
    /// <summary>Queues the notices of a publication of the current tenant (the job carries the tenant).</summary>
    public string Queue(int versionNumber, AuthoringUser publishedBy, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(publishedBy);
        _ = tenantContext.Tenant ?? throw new TenantMismatchException("Publication notices need a tenant.");
        return jobs.Enqueue<PublicationNoticeJob>(j => j.SendAsync(versionNumber, publishedBy.Id, publishedBy.Name, publicUrl, CancellationToken.None));
    }

    public async Task<int> SendAsync(int versionNumber, AuthoringUser publishedBy, string publicUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishedBy);
        var tenant = tenantContext.Tenant ?? throw new TenantMismatchException("Publication notices need a tenant.");
        var publisherId = Guid.TryParse(publishedBy.Id, out var id) ? id : (Guid?)null;
        var recipients = await db.TenantMemberships.AsNoTracking()
            .Where(m => m.UserId != publisherId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
            .Where(u => u.Email != null)
            .ToListAsync(cancellationToken);
        var alreadyMailed = (await db.AuditEvents.AsNoTracking()
                .Where(e => e.Action == AuditActions.PublicationNoticeSent && e.Version == versionNumber)
                .Select(e => e.Details)
                .ToListAsync(cancellationToken))
            .Select(Recipient).OfType<Guid>().ToHashSet();

        var sent = 0;
        foreach (var recipient in recipients.Where(r => !alreadyMailed.Contains(r.Id)))
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"""
                Bonjour,

                Une nouvelle version de la fiche de {tenant.Name} (version {versionNumber}) a été publiée par {publishedBy.Label}.

                Elle est en ligne : {publicUrl}

                Vous recevez ce message parce que vous faites partie de l'équipe de {tenant.Name} sur la plateforme du RTES.
                """);
            if (await mailer.SendAsync(new OutgoingMail(recipient.Email!, $"Fiche publiée : {tenant.Name}", body, "publication-notice", recipient.Id), cancellationToken))
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    At = clock.GetUtcNow(),
                    UserId = publishedBy.Id,
                    UserName = publishedBy.Label,
                    Action = AuditActions.PublicationNoticeSent,
                    Version = versionNumber,
                    Details = JsonSerializer.Serialize(new { recipient = recipient.Id }),
                });
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
        }

        logger.LogInformation("Publication notices for {Tenant} version {Version}: {Sent} sent, {Before} sent before, {Count} recipients",
            tenant.Slug, versionNumber, sent, alreadyMailed.Count, recipients.Count);
        return sent;
    }

    private static Guid? Recipient(string? details)
    {
        if (details is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(details);
        return json.RootElement.TryGetProperty("recipient", out var value) && value.TryGetGuid(out var recipient) ? recipient : null;
    }
}
