using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// Each tenant is written in its own scope with that tenant's access, as a job would. Outside
/// Production, and when <see cref="DemoOptions.FictitiousMembers"/> is on, the
/// <see cref="FictitiousMembers"/> are seeded too.
/// </summary>
public sealed class DemoSeeder(
    IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger, IHostEnvironment? environment = null)
{
    /// <summary>
    /// Whether this seed adds the fictitious members: asked for, in a host that is not Production
    /// (without a host — a tool over the core services alone — never).
    /// </summary>
    public bool SeedsFictitiousMembers => options.Value.FictitiousMembers && environment is not null && !environment.IsProduction();

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var network = DemoNetwork.Load();
        foreach (var demo in network.Tenants)
        {
            var tenant = await EnsureTenantAsync(demo, cancellationToken);
            await PublishAsync(tenant, demo.Content, demo.PublishedAt, cancellationToken);
        }

        if (SeedsFictitiousMembers)
        {
            for (var index = 0; index < FictitiousMembers.All.Count; index++)
            {
                var tenant = await EnsureFictitiousTenantAsync(FictitiousMembers.All[index], cancellationToken);
                await PublishAsync(tenant, FictitiousMembers.ContentOf(index), FictitiousMembers.PublishedAt, cancellationToken);
            }
        }
    }

    private async Task PublishAsync(Tenant tenant, FicheContent content, DateTimeOffset publishedAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        // The seed obeys the fiche rules of every writer.
        var broken = await scope.ServiceProvider.GetRequiredService<FicheRuleSet>().CheckAsync(content, cancellationToken);
        if (broken.Count > 0)
        {
            throw new InvalidOperationException(
                $"Demo tenant {tenant.Slug} breaks the fiche rules: {string.Join(" ", broken.Select(e => $"{e.Path}: {e.Message}"))}");
        }

        var draft = await db.FicheDrafts.SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            db.FicheDrafts.Add(new FicheDraft { Content = content, UpdatedAt = publishedAt, Revision = 1 });
        }
        else if (FicheJson.Serialize(draft.Content) != FicheJson.Serialize(content))
        {
            draft.Content = content;
            draft.UpdatedAt = publishedAt;
            draft.Revision++;
        }

        await db.SaveChangesAsync(cancellationToken);

        var published = tenant.PublishedVersion is { } number
            ? await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
            : null;
        if (published is null || FicheJson.Serialize(published.Content) != FicheJson.Serialize(content))
        {
            var version = await scope.ServiceProvider.GetRequiredService<FichePublisher>()
                .PublishDraftAsync("démo RTES", publishedAt, cancellationToken);
            logger.LogInformation("Published version {Version} of {Tenant}", version.Number, tenant.Slug);
        }
        else
        {
            // A database seeded before the indicator catalogue existed: derive the figures now (idempotent).
            await IndicatorValueSync.ApplyAsync(db, published, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A fictitious member's tenant, found by its slug (it has no official identifier).</summary>
    private async Task<Tenant> EnsureFictitiousTenantAsync(FictitiousMember member, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Slug == member.Slug, cancellationToken);
        if (tenant is { Origin: not TenantOrigin.Synthetic })
        {
            throw new InvalidOperationException($"The slug {member.Slug} of a fictitious demo member belongs to a real tenant.");
        }

        if (tenant is null)
        {
            var vintage = await db.RefCollectivities.AsNoTracking().MaxAsync(r => (int?)r.Vintage, cancellationToken);
            tenant = new Tenant
            {
                Id = Guid.CreateVersion7(),
                Slug = member.Slug,
                Name = member.Name,
                Origin = TenantOrigin.Synthetic,
                CreatedAt = FictitiousMembers.PublishedAt,
                PopulationVintage = vintage ?? FictitiousMembers.PublishedAt.Year,
            };
            db.Tenants.Add(tenant);
            logger.LogInformation("Created fictitious demo member {Tenant}", member.Slug);
        }

        tenant.Name = member.Name;
        tenant.Kind = member.Kind;
        tenant.Population = member.Population;
        tenant.RegionCode = member.RegionCode;
        tenant.RegionName = member.RegionName;
        tenant.DepartementCode = member.DepartementCode;
        tenant.DepartementName = member.DepartementName;
        tenant.MembershipYear = 2020;
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
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
