using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Demo;

/// <summary>
/// Seeds the demo network. Stable across runs: tenants are found by their official identifier,
/// and a new version is published only when the seeded content differs from the published one.
/// Each tenant is written in its own scope with that tenant's access, as a job would.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var network = DemoNetwork.Load();
        foreach (var demo in network.Tenants)
        {
            var tenant = await EnsureTenantAsync(demo, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
            var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
            // The seed obeys the fiche rules of every writer.
            var broken = await scope.ServiceProvider.GetRequiredService<FicheRuleSet>().CheckAsync(demo.Content, cancellationToken);
            if (broken.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Demo tenant {demo.Slug} breaks the fiche rules: {string.Join(" ", broken.Select(e => $"{e.Path}: {e.Message}"))}");
            }

            var draft = await db.FicheDrafts.SingleOrDefaultAsync(cancellationToken);
            if (draft is null)
            {
                db.FicheDrafts.Add(new FicheDraft { Content = demo.Content, UpdatedAt = demo.PublishedAt, Revision = 1 });
            }
            else if (FicheJson.Serialize(draft.Content) != FicheJson.Serialize(demo.Content))
            {
                draft.Content = demo.Content;
                draft.UpdatedAt = demo.PublishedAt;
                draft.Revision++;
            }

            await db.SaveChangesAsync(cancellationToken);

            var published = tenant.PublishedVersion is { } number
                ? await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
                : null;
            if (published is null || FicheJson.Serialize(published.Content) != FicheJson.Serialize(demo.Content))
            {
                var version = await scope.ServiceProvider.GetRequiredService<FichePublisher>()
                    .PublishDraftAsync("démo RTES", demo.PublishedAt, cancellationToken);
                logger.LogInformation("Published version {Version} of {Tenant}", version.Number, tenant.Slug);
            }
            else
            {
                // A database seeded before the indicator catalogue existed: derive the figures now (idempotent).
                await IndicatorValueSync.ApplyAsync(db, published, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private async Task<Tenant> EnsureTenantAsync(DemoTenant demo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<TenantProvisioning>();
        var result = await provisioning.CreateAsync(demo.Identifier, demo.MembershipYear, demo.Slug, cancellationToken);
        var tenant = result.Tenant
            ?? throw new InvalidOperationException($"Demo tenant {demo.Slug}: {result.Error}");
        if (result.WasCreated)
        {
            logger.LogInformation("Created demo tenant {Tenant} ({Identifier})", tenant.Slug, demo.Identifier);
        }

        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        db.Attach(tenant);
        tenant.MembershipYear = demo.MembershipYear;
        tenant.Address = demo.Address;
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
