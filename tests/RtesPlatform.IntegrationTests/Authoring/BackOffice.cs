using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Authoring;

/// <summary>The back-office host over one test database, and what the tests read back from it.</summary>
public sealed class BackOffice : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private RtesWebFactory _factory = null!;

    public TestDatabase Database => _database;

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new RtesWebFactory(_database);
        Host = _factory.WithTestUsers();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    public HttpClient Client(string name = "Camille Martin") =>
        Host.ClientFor("user-" + name.Replace(' ', '-').ToLowerInvariant(), name);

    public Task<Tenant> CreateTenantAsync() => _database.CreateTenantAsync(TestSirens.Next());

    /// <summary>The tenant's draft as the database holds it (null when none).</summary>
    public async Task<FicheDraft?> DraftAsync(Tenant tenant)
    {
        FicheDraft? draft = null;
        await _database.RunAsTenantAsync(tenant, async db => draft = await db.FicheDrafts.AsNoTracking().SingleOrDefaultAsync());
        return draft;
    }

    public async Task SaveDraftAsync(Tenant tenant, FicheContent content)
    {
        await _database.RunAsTenantAsync(tenant, async db =>
        {
            db.FicheDrafts.Add(new FicheDraft { Content = content, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test", Revision = 1 });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Replaces the tenant's draft content (it must exist) as another editor would.</summary>
    public async Task SaveDraftOverAsync(Tenant tenant, FicheContent content)
    {
        await _database.RunAsTenantAsync(tenant, async db =>
        {
            var draft = await db.FicheDrafts.SingleAsync();
            draft.Content = content;
            draft.Revision++;
            await db.SaveChangesAsync();
        });
    }

    public Task<long> CountAsync(string table, Tenant tenant, string where = "true") =>
        _database.QueryAsAdminAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @t AND {where}", ("t", tenant.Id));
}
