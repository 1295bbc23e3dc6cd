using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// Tells the tenant's team that a new version of their fiche is public. Sent after the
/// publication has committed: a mail that cannot be sent is logged by the mailer and never undoes
/// the publication.
/// </summary>
public sealed class PublicationNotices(RtesDbContext db, TenantContext tenantContext, IMailer mailer, ILogger<PublicationNotices> logger)
{
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

        var sent = 0;
        foreach (var recipient in recipients)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"""
                Bonjour,

                Une nouvelle version de la fiche de {tenant.Name} (version {versionNumber}) a été publiée par {publishedBy.Label}.

                Elle est en ligne : {publicUrl}

                Vous recevez ce message parce que vous faites partie de l'équipe de {tenant.Name} sur la plateforme du RTES.
                """);
            if (await mailer.SendAsync(new OutgoingMail(recipient.Email!, $"Fiche publiée : {tenant.Name}", body, "publication-notice", recipient.Id), cancellationToken))
            {
                sent++;
            }
        }

        logger.LogInformation("Publication notices for {Tenant} version {Version}: {Sent}/{Count} sent", tenant.Slug, versionNumber, sent, recipients.Count);
        return sent;
    }
}
