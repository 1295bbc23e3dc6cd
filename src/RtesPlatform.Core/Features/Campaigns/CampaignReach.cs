using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>
/// Before a campaign opens: the collectivities it would target, split into those whose team has
/// someone with a confirmed email address (the reminders reach them) and those without anyone
/// (<c>app.campaign_reach</c>, for network admins only).
/// </summary>
public sealed class CampaignReach(RtesDbContext db)
{
    public sealed record Tenant(Guid Id, string Name, string Slug);

    public sealed record Result(IReadOnlyList<Tenant> Reachable, IReadOnlyList<Tenant> Unreachable)
    {
        public int Targets => Reachable.Count + Unreachable.Count;
    }

    private sealed record Row(Guid Id, string Name, string Slug, bool HasRecipient);

    public async Task<Result> ForAsync(DateOnly staleBefore, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT t.id AS id, t.name AS name, t.slug AS slug, r.has_recipient AS has_recipient
            FROM app.campaign_reach({staleBefore}) r
            JOIN tenants t ON t.id = r.tenant_id
            ORDER BY t.name
            """).ToListAsync(cancellationToken);
        return new Result(
            [.. rows.Where(r => r.HasRecipient).Select(r => new Tenant(r.Id, r.Name, r.Slug))],
            [.. rows.Where(r => !r.HasRecipient).Select(r => new Tenant(r.Id, r.Name, r.Slug))]);
    }

    /// <summary>What the console says once the campaign is open: never that reminders leave when nobody can receive them.</summary>
    public static string OpenedMessage(string title, Result reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        if (reach.Targets == 0)
        {
            return $"La campagne « {title} » est ouverte, mais elle ne vise aucune collectivité : aucun rappel ne part.";
        }

        if (reach.Reachable.Count == 0)
        {
            return $"La campagne « {title} » est ouverte, mais aucun rappel ne part : aucune des {FrenchFormat.Plural(reach.Targets, "collectivité visée", "collectivités visées")} n’a dans son équipe une personne à l’adresse e-mail confirmée. Invitez leurs administrateurs.";
        }

        var opening = $"La campagne « {title} » est ouverte : les premiers rappels partent vers les équipes de {FrenchFormat.Plural(reach.Reachable.Count, "collectivité", "collectivités")}";
        return reach.Unreachable.Count == 0
            ? opening + "."
            : opening + $" ; {FrenchFormat.Plural(reach.Unreachable.Count, "collectivité visée n’a", "collectivités visées n’ont")} personne pour les recevoir.";
    }
}
