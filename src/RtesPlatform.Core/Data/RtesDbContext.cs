using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Data;

public sealed class RtesDbContext(
    DbContextOptions<RtesDbContext> options, TenantContext tenantContext, CurrentUser? currentUser = null)
    : IdentityDbContext<RtesUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>Name of the query filter that scopes every tenant-owned entity.</summary>
    public const string TenantFilter = "Tenant";

    private readonly TenantContext _tenantContext = tenantContext;
    private readonly CurrentUser? _currentUser = currentUser;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<RefCollectivity> RefCollectivities => Set<RefCollectivity>();
    public DbSet<ReferenceDataLoad> ReferenceDataLoads => Set<ReferenceDataLoad>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<FicheDraft> FicheDrafts => Set<FicheDraft>();
    public DbSet<FicheVersion> FicheVersions => Set<FicheVersion>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<TenantMembership> TenantMemberships => Set<TenantMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Features.ApiTokens.ApiToken> ApiTokens => Set<Features.ApiTokens.ApiToken>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorAggregate> IndicatorAggregates => Set<IndicatorAggregate>();
    public DbSet<Features.Comparisons.ComparisonValue> ComparisonValues => Set<Features.Comparisons.ComparisonValue>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();
    public DbSet<CampaignReminder> CampaignReminders => Set<CampaignReminder>();
    public DbSet<DigestSend> DigestSends => Set<DigestSend>();
    public DbSet<Features.LegacyImport.Runs.LegacyImportRun> LegacyImportRuns => Set<Features.LegacyImport.Runs.LegacyImportRun>();
    public DbSet<Features.OpenData.OpenDataFile> OpenDataFiles => Set<Features.OpenData.OpenDataFile>();
    public DbSet<Features.Jobs.HeartbeatRecord> JobHeartbeats => Set<Features.Jobs.HeartbeatRecord>();
    public DbSet<AuthTicket> AuthTickets => Set<AuthTicket>();
    public DbSet<AuthenticatorUse> AuthenticatorUses => Set<AuthenticatorUse>();

    /// <summary>The tenant the query filter scopes to; <see cref="Guid.Empty"/> (no row) when none.</summary>
    internal Guid CurrentTenantId => _tenantContext.TenantId ?? Guid.Empty;

    /// <summary>The tenant to set in the database session for row-level security, if any.</summary>
    internal Guid? DatabaseTenantId => _tenantContext.RequiresDatabaseScope ? _tenantContext.TenantId : null;

    /// <summary>The signed-in user to set in the database session (<c>app.user_id</c>), if any.</summary>
    internal Guid? DatabaseUserId => _currentUser?.UserId;

    /// <summary>
    /// Tables, columns, keys and indexes in snake_case, PostgreSQL's convention, so that hand-written SQL
    /// (policies, reports) reads naturally; names set in a configuration win. Set here, so that every way of
    /// building the options (host, migrate command, design time, tests) names the schema the same.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.UseSnakeCaseNamingConvention(System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        Configurations.IdentityNames.Apply(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RtesDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(RtesDbContext)
                .GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType);
            method.Invoke(this, [builder]);
        }
    }

    private void ApplyTenantFilter<TEntity>(ModelBuilder modelBuilder)
        where TEntity : class, ITenantOwned =>
        modelBuilder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenantWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenantWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Refuses to write a tenant-owned row without a tenant, or for another tenant than the one of
    /// the unit of work; stamps new rows with the current tenant.
    /// </summary>
    private void GuardTenantWrites()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var current = _tenantContext.TenantId
                ?? throw new TenantMismatchException(
                    $"Cannot write {entry.Metadata.ClrType.Name}: no tenant is set for this unit of work.");

            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current;
            }

            var original = entry.State == EntityState.Added
                ? entry.Entity.TenantId
                : entry.Property(e => e.TenantId).OriginalValue;
            if (entry.Entity.TenantId != current || original != current)
            {
                throw new TenantMismatchException(
                    $"Cannot write {entry.Metadata.ClrType.Name} of another tenant than the current one.");
            }
        }
    }
}
