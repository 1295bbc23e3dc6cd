using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Fiches;

/// <summary>
/// Turns the tenant's draft into a new immutable published version and points the tenant at it,
/// in one transaction: the public site switches to the new version atomically, and so do the
/// indicator values the fiche provides (the aggregates follow within seconds, see
/// <see cref="AggregateRefreshRequests"/>).
/// </summary>
public sealed class FichePublisher(
    RtesDbContext db, TenantContext tenantContext, TimeProvider clock, AggregateRefreshRequests aggregates)
{
    public async Task<FicheVersion> PublishDraftAsync(string? publishedBy, DateTimeOffset? publishedAt, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId
            ?? throw new TenantMismatchException("Publishing needs a tenant.");
        if (!tenantContext.RequiresDatabaseScope)
        {
            throw new TenantMismatchException("Publishing needs tenant access, not a public read.");
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var published = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var draft = await db.FicheDrafts.SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException("This tenant has no draft to publish.");
            var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, ct);
            var number = (await db.FicheVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            var version = new FicheVersion
            {
                TenantId = tenantId,
                Number = number,
                Content = draft.Content,
                ThemeCodes = [.. draft.Content.Actions.SelectMany(a => a.Themes).Distinct().Order(StringComparer.Ordinal)],
                PublishedAt = publishedAt ?? clock.GetUtcNow(),
                PublishedBy = publishedBy,
            };
            db.FicheVersions.Add(version);
            tenant.PublishedVersion = number;
            tenant.PublishedAt = version.PublishedAt;
            await db.SaveChangesAsync(ct);
            // The comparisons read the figures of the published fiche: they switch in the same transaction.
            await IndicatorValueSync.ApplyAsync(db, version, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return version;
        }, cancellationToken);

        // The comparisons follow within seconds (a debounced job); if the scheduler cannot be
        // reached, the minute sweep picks the queued changes up.
        await aggregates.RequestAsync(cancellationToken);
        return published;
    }
}
