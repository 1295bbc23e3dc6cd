using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Web.Infrastructure.Resilience;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>
/// /health/ready reports the database and the job server as JSON (503 when one is unhealthy,
/// 200 when degraded); /health/live answers whatever the database does.
/// </summary>
public sealed class HealthTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Ready_DatabaseAndSchedulerUp_Answers200WithEachCheck()
    {
        await using var factory = new RtesWebFactory(database);
        using var client = factory.CreateClient();

        var (status, body) = await WaitForSchedulerAsync(client, "Healthy");

        status.ShouldBe(HttpStatusCode.OK);
        var root = body.RootElement;
        root.GetProperty("status").GetString().ShouldBe("Healthy");
        var databaseCheck = root.GetProperty("checks").GetProperty("database");
        databaseCheck.GetProperty("status").GetString().ShouldBe("Healthy");
        databaseCheck.GetProperty("description").GetString().ShouldBe("Database reachable, migrations applied.");
        databaseCheck.GetProperty("durationMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var scheduler = root.GetProperty("checks").GetProperty("scheduler");
        scheduler.GetProperty("description").GetString().ShouldStartWith("Job server running");
        scheduler.GetProperty("data").GetProperty("state").GetString().ShouldBe("Started");
        scheduler.GetProperty("data").GetProperty("node").GetString().ShouldStartWith("rtes-");
        scheduler.GetProperty("data").GetProperty("workers").GetInt32().ShouldBe(4);
        scheduler.GetProperty("durationMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Ready_JobServerStopped_Answers503_UntilItRunsAgain()
    {
        await using var factory = new RtesWebFactory(database);
        using var client = factory.CreateClient();
        await WaitForSchedulerAsync(client, "Healthy");
        var runner = factory.Services.GetRequiredService<DatabaseGatedJobRunner>();

        await runner.StopServerAsync(CancellationToken.None);
        var (status, body) = await ReadyAsync(client);
        await runner.RestartServerAsync(CancellationToken.None);

        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.RootElement.GetProperty("status").GetString().ShouldBe("Unhealthy");
        var check = body.RootElement.GetProperty("checks").GetProperty("scheduler");
        check.GetProperty("status").GetString().ShouldBe("Unhealthy");
        check.GetProperty("description").GetString()!.ShouldContain("stopped");
        body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
        (await WaitForSchedulerAsync(client, "Healthy")).Status.ShouldBe(HttpStatusCode.OK, "after the job server started again");
    }

    [Fact]
    public async Task Ready_StaleHeartbeat_IsDegradedButTakesTraffic()
    {
        // Its own database: no scheduler of another test may record a fresh heartbeat in it.
        var own = new TestDatabase();
        await own.InitializeAsync();
        try
        {
            await using var factory = new RtesWebFactory(own).WithWebHostBuilder(b => b
                .UseSetting("Jobs:RunScheduler", "false")
                .UseSetting("Health:HeartbeatStaleAfter", "00:05:00"));
            using var client = factory.CreateClient();
            await own.ExecuteAsAdminAsync(
                "INSERT INTO job_heartbeats (scheduled_fire_time, fired_at, instance_id) VALUES (now() - interval '1 hour', now() - interval '1 hour', 'gone')");

            var (status, body) = await ReadyAsync(client);

            status.ShouldBe(HttpStatusCode.OK);
            body.RootElement.GetProperty("status").GetString().ShouldBe("Degraded");
            var check = body.RootElement.GetProperty("checks").GetProperty("scheduler");
            check.GetProperty("status").GetString().ShouldBe("Degraded");
            check.GetProperty("description").GetString()!.ShouldContain("stale after 300 s");
            check.GetProperty("data").GetProperty("heartbeatAgeSeconds").GetDouble().ShouldBeInRange(3590, 3700);

            await own.ExecuteAsAdminAsync(
                "INSERT INTO job_heartbeats (scheduled_fire_time, fired_at, instance_id) VALUES (now(), now(), 'alive')");
            (status, body) = await ReadyAsync(client);
            status.ShouldBe(HttpStatusCode.OK);
            body.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Healthy");
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Fact]
    public async Task DatabaseUnreachable_LiveAnswers200_ReadyAnswers503()
    {
        var closed = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { Host = "127.0.0.1", Port = FreePort(), Timeout = 2 };
        await using var factory = new RtesWebFactory(database).WithWebHostBuilder(b => b
            .UseSetting("Jobs:RunScheduler", "false")
            .UseSetting($"ConnectionStrings:{DatabaseOptions.AppConnectionName}", closed.ConnectionString));
        using var client = factory.CreateClient();

        using (var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative)))
        {
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (status, body) = await ReadyAsync(client);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = body.RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("status").GetString().ShouldBe("Unhealthy");
        checks.GetProperty("database").GetProperty("description").GetString().ShouldBe("Database unreachable.");
        checks.GetProperty("scheduler").GetProperty("status").GetString().ShouldBe("Unhealthy");
        body.RootElement.GetRawText().ShouldNotContain("127.0.0.1", customMessage: "no connection details in the public answer");
    }

    private static async Task<(HttpStatusCode Status, JsonDocument Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The job server starts once the database answers, and registers with its first heartbeat: wait for it (bounded).</summary>
    private static async Task<(HttpStatusCode Status, JsonDocument Body)> WaitForSchedulerAsync(HttpClient client, string expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, body) = await ReadyAsync(client);
            if (body.RootElement.GetProperty("checks").GetProperty("scheduler").GetProperty("status").GetString() == expected || attempt == 100)
            {
                return (status, body);
            }

            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
