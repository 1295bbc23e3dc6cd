using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Data;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Web;

public sealed class WebHostTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Host_InTestingEnvironment_ConnectsToTheTestDatabaseAsTheAppRole()
    {
        await using var factory = new RtesWebFactory(database);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();

        var user = await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync();
        var name = await db.Database.SqlQueryRaw<string>("SELECT current_database()::text AS \"Value\"").SingleAsync();

        user.ShouldBe(PostgresCluster.AppRole);
        name.ShouldBe(database.Name);
    }

    [Fact]
    public async Task GetHealthLive_Always_Returns200()
    {
        await using var factory = new RtesWebFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetHealthReady_MigratedDatabase_Returns200()
    {
        await using var factory = new RtesWebFactory(database);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
