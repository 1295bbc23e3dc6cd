using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>
/// tenant_memberships is tenant-owned: row-level security shows a session its tenant's team, plus
/// the signed-in user's own memberships of other tenants (app.user_id), and nothing else.
/// </summary>
public sealed class MembershipIsolationTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private const string Password = "Une phrase de passe solide";

    [Fact]
    public async Task Database_TenantAWithoutUser_HidesTheMembershipsOfB()
    {
        var (a, b, userOfA, userOfB) = await TwoTeamsAsync();
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM tenant_memberships WHERE tenant_id = @b", ("b", b.Id))).ShouldBe(1);

        (await CountAsAppAsync(a.Id, null, b.Id)).ShouldBe(0);
        (await CountAsAppAsync(a.Id, null, a.Id)).ShouldBe(1);
        (await CountAsAppAsync(null, null, a.Id)).ShouldBe(0);
        (await CountAsAppAsync(a.Id, userOfB, b.Id)).ShouldBe(1);
        (await CountAsAppAsync(a.Id, userOfA, b.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Database_WriteForAnotherTenant_IsRefused()
    {
        var (a, b, _, userOfB) = await TwoTeamsAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT set_config('app.tenant_id', @a, false), set_config('app.user_id', @user, false);
            UPDATE tenant_memberships SET role = 'admin' WHERE tenant_id = @b;
            """, connection);
        command.Parameters.AddWithValue("a", a.Id.ToString());
        command.Parameters.AddWithValue("b", b.Id);
        command.Parameters.AddWithValue("user", userOfB.ToString());

        await command.ExecuteNonQueryAsync();

        (await fixture.Database.QueryAsAdminAsync<string>(
            "SELECT role FROM tenant_memberships WHERE tenant_id = @b", ("b", b.Id))).ShouldBe(TenantRole.Editor);
    }

    [Fact]
    public async Task EfCore_TenantScopeAndSignedInUser_SessionCarriesBoth()
    {
        var (a, b, _, userOfB) = await TwoTeamsAsync();
        await using var scope = fixture.Database.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(a));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(userOfB);
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();

        var filtered = await db.TenantMemberships.Select(m => m.TenantId).ToListAsync();
        var visible = await db.TenantMemberships.IgnoreQueryFilters([RtesDbContext.TenantFilter]).Select(m => m.TenantId).ToListAsync();

        filtered.ShouldBe([a.Id]);
        visible.Order().ShouldBe(new[] { a.Id, b.Id }.Order());
    }

    private async Task<(Tenant A, Tenant B, Guid UserOfA, Guid UserOfB)> TwoTeamsAsync()
    {
        var a = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var b = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var userOfA = (await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("a"), Password)).Id;
        var userOfB = (await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("b"), Password)).Id;
        foreach (var (tenant, user) in new[] { (a, userOfA), (b, userOfB) })
        {
            await fixture.Database.RunAsTenantAsync(tenant, async db =>
            {
                db.TenantMemberships.Add(new TenantMembership { UserId = user, Role = TenantRole.Editor, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            });
        }

        return (a, b, userOfA, userOfB);
    }

    /// <summary>Counts one tenant's memberships as the application role, with the given session settings.</summary>
    private async Task<long> CountAsAppAsync(Guid? sessionTenant, Guid? sessionUser, Guid ofTenant)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', @t, false), set_config('app.user_id', @u, false)", connection))
        {
            set.Parameters.AddWithValue("t", sessionTenant?.ToString() ?? "");
            set.Parameters.AddWithValue("u", sessionUser?.ToString() ?? "");
            await set.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM tenant_memberships WHERE tenant_id = @of", connection);
        count.Parameters.AddWithValue("of", ofTenant);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
