using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Accounts;

/// <summary>The demo accounts have public credentials: they must exist in Development only.</summary>
public sealed class AccountSeederTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    [InlineData("Staging")]
    public async Task SeedDemo_OutsideDevelopment_CreatesNoAccount(string environment)
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var factory = Factory(database, environment);

        await SeedAsync(factory);

        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenants")).ShouldBe(7);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM asp_net_users")).ShouldBe(0);
        (await database.QueryAsAdminAsync<long>("SELECT count(*) FROM tenant_memberships")).ShouldBe(0);
    }

    [Fact]
    public async Task SeedDemo_InDevelopmentTwice_OneAccountPerRoleWithTheDocumentedCredentials()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var factory = Factory(database, "Development");

        await SeedAsync(factory);
        await SeedAsync(factory);

        (await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(email || ':' || email_confirmed || ':' || two_factor_enabled, ',' ORDER BY email) FROM asp_net_users"))
            .ShouldBe("admin@la-rochelle.example:true:false,editeur@est-ensemble.example:true:false,editeur@la-rochelle.example:true:false,reseau@rtes.example:true:true");
        (await database.QueryAsAdminAsync<string>(
            """
            SELECT string_agg(u.email || ':' || t.slug || ':' || m.role, ',' ORDER BY u.email)
            FROM tenant_memberships m JOIN asp_net_users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id
            """))
            .ShouldBe("admin@la-rochelle.example:ca-la-rochelle:admin,editeur@est-ensemble.example:est-ensemble:editor,editeur@la-rochelle.example:ca-la-rochelle:editor");
        (await database.QueryAsAdminAsync<string>(
            "SELECT string_agg(u.email, ',') FROM asp_net_user_roles ur JOIN asp_net_users u ON u.id = ur.user_id JOIN asp_net_roles r ON r.id = ur.role_id WHERE r.name = 'NetworkAdmin'"))
            .ShouldBe("reseau@rtes.example");

        using var client = new AccountClient(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        }));
        using var signIn = await client.SignInAsync("reseau@rtes.example", AccountSeeder.Password);
        var verification = signIn.Headers.Location.ShouldNotBeNull().OriginalString;
        verification.ShouldStartWith("/compte/deux-facteurs/verification");
        using var verified = await client.SubmitAsync(verification,
            new Dictionary<string, string> { ["Code"] = Totp.Code(AccountSeeder.NetworkAdminAuthenticatorKey) });
        verified.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static WebApplicationFactory<Program> Factory(TestDatabase database, string environment) =>
        new RtesWebFactory(database).WithWebHostBuilder(builder => builder.UseEnvironment(environment));

    private static async Task SeedAsync(WebApplicationFactory<Program> factory)
    {
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        await factory.Services.GetRequiredService<AccountSeeder>().SeedAsync(CancellationToken.None);
    }
}
