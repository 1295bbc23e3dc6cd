using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Team;
using RtesPlatform.Core.Tenancy;
using RtesPlatform.IntegrationTests.Accounts;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Team;

public sealed class LastAdminTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    [Fact]
    public async Task TwoAdminsDemotingEachOtherAtOnce_OneAdminRemains()
    {
        var tenant = await fixture.Database.CreateTenantAsync(TestSirens.Next());
        var first = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("admin-a"), TeamSite.Password);
        var second = await fixture.CreateUserAsync(AccountsFixture.UniqueEmail("admin-b"), TeamSite.Password);
        await TeamSite.AddMemberAsync(fixture, tenant, first.Id, TenantRole.Admin);
        await TeamSite.AddMemberAsync(fixture, tenant, second.Id, TenantRole.Admin);

        async Task<TeamChange> DemoteAsync(Guid userId, string by)
        {
            await using var scope = fixture.Database.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(TenantInfo.From(tenant));
            return await scope.ServiceProvider.GetRequiredService<TeamManager>()
                .ChangeRoleAsync(userId, TenantRole.Editor, new AuthoringUser(null, by), CancellationToken.None);
        }

        var results = await Task.WhenAll(DemoteAsync(first.Id, "B"), DemoteAsync(second.Id, "A"));

        results.Count(r => r == TeamChange.LastAdmin).ShouldBe(1);
        (await fixture.Database.QueryAsAdminAsync<long>(
            "SELECT count(*) FROM tenant_memberships WHERE tenant_id = @t AND role = 'admin'", ("t", tenant.Id))).ShouldBe(1);
    }
}
