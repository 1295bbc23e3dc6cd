using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Tenancy;

/// <summary>
/// Tenant isolation has three independent mechanisms: the "Tenant" EF Core query filter, the
/// SaveChanges guard, and PostgreSQL row-level security (with the grants of the application role).
/// Each test below targets one of them, so that removing any one makes a test fail.
/// </summary>
public sealed class TenantIsolationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string InsufficientPrivilege = PostgresErrorCodes.InsufficientPrivilege; // 42501

    [Fact]
    public async Task QueryDrafts_WithTenantAccess_ReturnsOnlyOwnDraft()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        foreach (var (tenant, marker) in new[] { (a, "A"), (b, "B") })
        {
            await database.RunAsTenantAsync(tenant, async db =>
            {
                var drafts = await db.FicheDrafts.ToListAsync();
                drafts.Count.ShouldBe(1);
                drafts[0].TenantId.ShouldBe(tenant.Id);
                drafts[0].Content.Panorama.Narrative.ShouldBe($"Fiche {marker}");
            });
        }
    }

    [Fact]
    public async Task QueryDrafts_FilterIgnoredWithTenantAccess_DatabaseReturnsNoDraftOfOtherTenant()
    {
        var (a, b) = await TwoPublishedTenantsAsync();
        (await DraftCountAsync(b)).ShouldBe(1);

        await database.RunAsTenantAsync(a, async db =>
        {
            var drafts = await db.FicheDrafts.IgnoreQueryFilters([RtesDbContext.TenantFilter]).ToListAsync();
            drafts.Select(d => d.TenantId).ShouldBe([a.Id]);
            (await db.FicheDrafts.IgnoreQueryFilters([RtesDbContext.TenantFilter]).CountAsync(d => d.TenantId == b.Id)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task QueryVersions_FilterIgnoredWithTenantAccess_DatabaseReturnsOtherTenantsCurrentVersionOnly()
    {
        var (a, b) = await TwoPublishedTenantsAsync();
        await database.SaveAndPublishAsync(b, FicheSamples.WithMarker("B, version 2"));

        await database.RunAsTenantAsync(a, async db =>
        {
            var ofB = await db.FicheVersions.IgnoreQueryFilters([RtesDbContext.TenantFilter])
                .Where(v => v.TenantId == b.Id).Select(v => v.Number).ToListAsync();
            ofB.ShouldBe([2]);
        });
        await database.RunAsTenantAsync(b, async db =>
            (await db.FicheVersions.Select(v => v.Number).OrderBy(n => n).ToListAsync()).ShouldBe([1, 2]));
    }

    [Fact]
    public async Task QueryVersions_PublicRead_FilterScopesToTheTenantAlthoughDatabaseLetsAllPublishedThrough()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        await database.RunAsPublicReadAsync(a, async db =>
        {
            // No tenant in the session: row-level security lets every tenant's published version through...
            var unfiltered = await db.FicheVersions.IgnoreQueryFilters([RtesDbContext.TenantFilter]).ToListAsync();
            unfiltered.Select(v => v.TenantId).ShouldContain(b.Id);

            // ...so only the query filter keeps the public page of A to A's data.
            var versions = await db.FicheVersions.ToListAsync();
            versions.Select(v => (v.TenantId, v.Number)).ShouldBe([(a.Id, 1)]);
            (await db.FicheDrafts.IgnoreQueryFilters([RtesDbContext.TenantFilter]).CountAsync()).ShouldBe(0);
        });
    }

    [Fact]
    public async Task QueryDrafts_DatabaseBypassed_FilterAloneReturnsOnlyOwnDraft()
    {
        var (a, b) = await TwoPublishedTenantsAsync();
        var tenantContext = new TenantContext();
        tenantContext.UseForTenantAccess(TenantInfo.From(a));

        // The superuser bypasses row-level security: what comes back is the query filter's doing.
        await using var db = new RtesDbContext(
            new DbContextOptionsBuilder<RtesDbContext>().UseNpgsql(database.AdminConnectionString).Options, tenantContext);
        (await db.FicheDrafts.IgnoreQueryFilters([RtesDbContext.TenantFilter]).CountAsync(d => d.TenantId == b.Id)).ShouldBe(1);

        var drafts = await db.FicheDrafts.ToListAsync();

        drafts.Select(d => d.TenantId).ShouldBe([a.Id]);
    }

    [Fact]
    public async Task SaveChanges_AddingDraftForOtherTenant_ThrowsTenantMismatch()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var c = await database.CreateTenantAsync(TestSirens.Next());

        await database.RunAsTenantAsync(a, async db =>
        {
            db.FicheDrafts.Add(new FicheDraft { TenantId = c.Id, Content = FicheSamples.WithMarker("intrus"), Revision = 1 });
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        });

        (await DraftCountAsync(c)).ShouldBe(0);
    }

    [Fact]
    public async Task SaveChanges_UpdatingDraftOfOtherTenant_ThrowsTenantMismatch()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            var stolen = new FicheDraft { TenantId = b.Id, Content = FicheSamples.WithMarker("B"), Revision = 1 };
            db.FicheDrafts.Attach(stolen);
            stolen.Content = FicheSamples.WithMarker("écrasé par A");
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        });

        (await database.QueryAsAdminAsync<string>(
            "SELECT content->'panorama'->>'narrative' FROM fiche_drafts WHERE tenant_id = @t", ("t", b.Id))).ShouldBe("Fiche B");
    }

    [Fact]
    public async Task SaveChanges_AddingPublishedVersionForOtherTenant_ThrowsTenantMismatch()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            db.FicheVersions.Add(new FicheVersion { TenantId = b.Id, Number = 2, Content = FicheSamples.WithMarker("faux") });
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        });

        (await VersionCountAsync(b)).ShouldBe(1);
    }

    [Fact]
    public async Task SaveChanges_WithoutTenant_ThrowsTenantMismatch()
    {
        var c = await database.CreateTenantAsync(TestSirens.Next());

        await database.RunWithoutTenantAsync(async db =>
        {
            db.FicheDrafts.Add(new FicheDraft { TenantId = c.Id, Content = FicheSamples.WithMarker("sans locataire"), Revision = 1 });
            await Should.ThrowAsync<TenantMismatchException>(() => db.SaveChangesAsync());
        });

        (await DraftCountAsync(c)).ShouldBe(0);
    }

    [Fact]
    public async Task ExecuteSql_InsertDraftForOtherTenant_DatabaseRefuses()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var c = await database.CreateTenantAsync(TestSirens.Next());

        await database.RunAsTenantAsync(a, async db =>
        {
            (await SessionTenantAsync(db)).ShouldBe(a.Id.ToString());
            var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO fiche_drafts (tenant_id, content, updated_at, revision) VALUES ({0}, '{{}}', now(), 1)", c.Id));
            refused.SqlState.ShouldBe(InsufficientPrivilege);
            refused.MessageText.ShouldContain("row-level security");
        });

        (await DraftCountAsync(c)).ShouldBe(0);
    }

    [Fact]
    public async Task ExecuteSql_UpdateOrDeleteDraftOfOtherTenant_AffectsNoRow()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            (await SessionTenantAsync(db)).ShouldBe(a.Id.ToString());
            (await db.Database.ExecuteSqlRawAsync(
                "UPDATE fiche_drafts SET revision = revision + 100 WHERE tenant_id = {0}", b.Id)).ShouldBe(0);
            (await db.Database.ExecuteSqlRawAsync("DELETE FROM fiche_drafts WHERE tenant_id = {0}", b.Id)).ShouldBe(0);
            (await db.Database.ExecuteSqlRawAsync("UPDATE fiche_drafts SET revision = revision + 100")).ShouldBe(1);
        });

        (await database.QueryAsAdminAsync<int>("SELECT revision FROM fiche_drafts WHERE tenant_id = @t", ("t", b.Id))).ShouldBe(1);
        (await database.QueryAsAdminAsync<int>("SELECT revision FROM fiche_drafts WHERE tenant_id = @t", ("t", a.Id))).ShouldBe(101);
    }

    [Fact]
    public async Task ExecuteSql_MoveOwnDraftToOtherTenant_DatabaseRefuses()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var c = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(a, FicheSamples.WithMarker("A"));

        await database.RunAsTenantAsync(a, async db =>
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                "UPDATE fiche_drafts SET tenant_id = {0} WHERE tenant_id = {1}", c.Id, a.Id));
            refused.SqlState.ShouldBe(InsufficientPrivilege);
        });

        (await DraftCountAsync(a)).ShouldBe(1);
        (await DraftCountAsync(c)).ShouldBe(0);
    }

    [Fact]
    public async Task ExecuteSql_InsertVersionForOtherTenant_DatabaseRefuses()
    {
        var (a, b) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            var refused = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO fiche_versions (tenant_id, number, content, theme_codes, published_at) VALUES ({0}, 2, '{{}}', '{{}}', now())",
                b.Id));
            refused.SqlState.ShouldBe(InsufficientPrivilege);
        });

        (await VersionCountAsync(b)).ShouldBe(1);
    }

    [Fact]
    public async Task Query_WithoutTenantOnConnectionUsedByATenant_ReturnsNoDraftAndOnlyCurrentVersions()
    {
        var (a, b) = await TwoPublishedTenantsAsync();
        await database.SaveAndPublishAsync(a, FicheSamples.WithMarker("A, version 2"));
        var suspended = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(suspended, FicheSamples.WithMarker("suspendu"));
        await database.ExecuteAsAdminAsync("UPDATE tenants SET status = 'suspended' WHERE id = @t", ("t", suspended.Id));
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts")).ShouldBeGreaterThanOrEqualTo(3);

        // A fresh data source with one pooled connection: the tenant's session is reused without a tenant.
        await using var services = database.CreateServices();
        var tenantBackend = 0;
        var anonymousBackend = -1;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(a));
            var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
            (await db.FicheDrafts.CountAsync()).ShouldBe(1);
            tenantBackend = await BackendPidAsync(db);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
            anonymousBackend = await BackendPidAsync(db);
            (await db.FicheDrafts.IgnoreQueryFilters([RtesDbContext.TenantFilter]).CountAsync()).ShouldBe(0);

            var versions = await db.FicheVersions.IgnoreQueryFilters([RtesDbContext.TenantFilter])
                .Select(v => new { v.TenantId, v.Number }).ToListAsync();
            var published = await db.Tenants
                .Where(t => t.PublishedVersion != null && t.Status == TenantStatus.Active)
                .Select(t => new { TenantId = t.Id, Number = t.PublishedVersion!.Value }).ToListAsync();
            versions.ShouldBe(published, ignoreOrder: true);
            versions.ShouldContain(new { TenantId = a.Id, Number = 2 });
            versions.ShouldContain(new { TenantId = b.Id, Number = 1 });
            versions.ShouldNotContain(new { TenantId = a.Id, Number = 1 });
            versions.ShouldNotContain(v => v.TenantId == suspended.Id);
        }

        anonymousBackend.ShouldBe(tenantBackend);
    }

    [Fact]
    public async Task ExecuteSql_UpdateOrDeleteOwnPublishedVersion_PermissionDenied()
    {
        var (a, _) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            var update = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                "UPDATE fiche_versions SET published_by = 'retouche' WHERE tenant_id = {0}", a.Id));
            update.SqlState.ShouldBe(InsufficientPrivilege);
            update.MessageText.ShouldContain("permission denied");

            var delete = await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                "DELETE FROM fiche_versions WHERE tenant_id = {0}", a.Id));
            delete.SqlState.ShouldBe(InsufficientPrivilege);
        });

        (await VersionCountAsync(a)).ShouldBe(1);
    }

    [Fact]
    public async Task SaveChanges_ModifyingOwnPublishedVersion_DatabaseRefuses()
    {
        var (a, _) = await TwoPublishedTenantsAsync();

        await database.RunAsTenantAsync(a, async db =>
        {
            var version = await db.FicheVersions.SingleAsync();
            db.Entry(version).Property(v => v.PublishedBy).CurrentValue = "retouche";

            var refused = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

            refused.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(InsufficientPrivilege);
        });
    }

    [Fact]
    public async Task AppRole_Attributes_NeitherSuperuserNorOwnerNorBypassingRowLevelSecurity()
    {
        (await database.QueryAsAppAsync<string>("SELECT current_user::text")).ShouldBe(PostgresCluster.AppRole);
        (await database.QueryAsAppAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).ShouldBeFalse();
        (await database.QueryAsAppAsync<bool>("SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user")).ShouldBeFalse();
        (await database.QueryAsAppAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).ShouldBeGreaterThanOrEqualTo(6);
        (await database.QueryAsAppAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'MEMBER')")).ShouldBe(0);
        (await database.QueryAsAppAsync<long>(
            """
            SELECT count(*) FROM pg_class
            WHERE relname IN ('fiche_drafts', 'fiche_versions') AND relrowsecurity AND relforcerowsecurity
            """)).ShouldBe(2);
    }

    private async Task<(Tenant A, Tenant B)> TwoPublishedTenantsAsync()
    {
        var a = await database.CreateTenantAsync(TestSirens.Next());
        var b = await database.CreateTenantAsync(TestSirens.Next());
        await database.SaveAndPublishAsync(a, FicheSamples.WithMarker("A"));
        await database.SaveAndPublishAsync(b, FicheSamples.WithMarker("B"));
        return (a, b);
    }

    private Task<long> DraftCountAsync(Tenant tenant) =>
        database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_drafts WHERE tenant_id = @t", ("t", tenant.Id));

    private Task<long> VersionCountAsync(Tenant tenant) =>
        database.QueryAsAdminAsync<long>("SELECT count(*) FROM fiche_versions WHERE tenant_id = @t", ("t", tenant.Id));

    private static async Task<string?> SessionTenantAsync(RtesDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT current_setting('app.tenant_id', true) AS \"Value\"").SingleAsync();

    private static async Task<int> BackendPidAsync(RtesDbContext db) =>
        await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
}
