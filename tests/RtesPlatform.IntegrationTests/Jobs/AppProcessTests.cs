using System.Net;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Jobs;

public sealed class AppProcessTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Start_ServesTheHomePage_AndJoinsTheJobCluster_ThenKillStopsIt()
    {
        await using var app = await AppProcess.StartAsync(database);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var nodes = 0L;
        for (var i = 0; i < 50 && nodes == 0; i++)
        {
            await Task.Delay(200);
            nodes = await database.QueryAsAdminAsync<long>($"SELECT count(*) FROM hangfire.server WHERE id LIKE 'rtes-%-{app.ProcessId}-%'");
        }

        nodes.ShouldBe(1);
        app.Kill();
        app.HasExited.ShouldBeTrue();
    }
}
