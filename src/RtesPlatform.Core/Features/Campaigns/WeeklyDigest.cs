using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// The weekly digest (the <c>weekly-digest</c> job): the publications of the last ISO week
/// (Monday to Sunday, Paris time) mailed to every network admin. The week's row in
/// <c>digest_sends</c> is claimed before the first mail, recipients are added as they are
/// reached: a second run, on this node or another, sends nothing; a failed run resumes.
/// </summary>
public sealed class WeeklyDigest(
    RtesDbContext db, IMailer mailer, TimeProvider clock, IOptions<CampaignOptions> options, IOptions<EmailOptions> email, ILogger<WeeklyDigest> logger)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly string NormalizedNetworkAdmin = NetworkRoles.NetworkAdmin.ToUpperInvariant();

    public sealed record Publication(string Name, string Slug, int Version, DateTimeOffset PublishedAt);

    /// <summary>The Monday of the last complete ISO week before <paramref name="today"/>.</summary>
    public static DateOnly PreviousWeekStart(DateOnly today) =>
        today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);

    public async Task<CampaignRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var week = PreviousWeekStart(ParisCalendar.DateOf(now));
        var (from, to) = (ParisCalendar.StartOf(week), ParisCalendar.StartOf(week.AddDays(7)));
        var staleClaim = now - options.Value.StaleClaimAfter;

        var publications = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && t.PublishedVersion != null && t.PublishedAt >= from && t.PublishedAt < to)
            .OrderBy(t => t.PublishedAt)
            .Select(t => new Publication(t.Name, t.Slug, t.PublishedVersion!.Value, t.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        var status = publications.Count == 0 ? ReminderStatuses.Nothing : ReminderStatuses.Sending;
        var claimed = await db.Database.SqlQuery<Guid[]>($"""
            INSERT INTO digest_sends AS d (week_start, status, claimed_at, recipients, publications, attempts)
            VALUES ({week}, {status}, {now}, ARRAY[]::uuid[], {publications.Count}, 1)
            ON CONFLICT (week_start) DO UPDATE SET status = 'sending', claimed_at = excluded.claimed_at, attempts = d.attempts + 1
            WHERE d.status = 'failed' OR (d.status = 'sending' AND d.claimed_at < {staleClaim})
            RETURNING d.recipients AS "Value"
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0 || status == ReminderStatuses.Nothing)
        {
            logger.LogInformation("Weekly digest of {Week}: {Outcome}", week, claimed.Count == 0 ? "already handled" : "no publication");
            return new CampaignRunResult(0, 0, 0, 1);
        }

        var admins = await db.Users.AsNoTracking()
            .Where(u => u.Email != null && u.EmailConfirmed
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == NormalizedNetworkAdmin)))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var (subject, body) = Compose(week, publications);
        var (sent, failed) = (0, 0);
        foreach (var admin in admins.Where(a => !claimed[0].Contains(a.Id)))
        {
            if (await mailer.SendAsync(new OutgoingMail(admin.Email!, subject, body, "weekly-digest", admin.Id), cancellationToken))
            {
                sent++;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE digest_sends SET recipients = array_append(recipients, {admin.Id}), sent_at = {clock.GetUtcNow()} WHERE week_start = {week}
                    """, CancellationToken.None);
            }
            else
            {
                failed++;
            }
        }

        var final = failed == 0 ? ReminderStatuses.Sent : ReminderStatuses.Failed;
        await db.Database.ExecuteSqlAsync($"UPDATE digest_sends SET status = {final} WHERE week_start = {week}", CancellationToken.None);
        logger.LogInformation("Weekly digest of {Week}: {Publications} publication(s), {Sent} mail(s) sent, {Failed} failed", week, publications.Count, sent, failed);
        return new CampaignRunResult(sent, failed, admins.Count == 0 ? 1 : 0, 0);
    }

    private (string Subject, string Body) Compose(DateOnly week, List<Publication> publications)
    {
        var baseUrl = email.Value.PublicBaseUrl?.ToString().TrimEnd('/');
        var lines = new StringBuilder();
        foreach (var p in publications)
        {
            var date = TimeZoneInfo.ConvertTime(p.PublishedAt, ParisCalendar.Zone).ToString("dddd ", French) + FrenchFormat.DateTime(p.PublishedAt);
            lines.Append(CultureInfo.InvariantCulture, $"- {p.Name} : version {p.Version}, publiée le {date}\n  {baseUrl}/collectivites/{p.Slug}\n");
        }

        var span = $"du {FrenchFormat.DayMonth(week)} au {FrenchFormat.Date(week.AddDays(6))}";
        return ($"Réseau RTES : {FrenchFormat.Plural(publications.Count, "fiche publiée", "fiches publiées")} {span}", $"""
            Bonjour,

            Fiches publiées {span} :

            {lines}
            Vous recevez ce récapitulatif chaque lundi en tant qu'administrateur ou administratrice du réseau.

            Réseau RTES
            """);
    }
}
