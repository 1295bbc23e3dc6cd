using System.Diagnostics;
using Npgsql;
using RtesPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Jobs;

/// <summary>
/// Two application processes on one database form one Quartz cluster: the cluster heartbeat (a
/// recurring job every second here) runs once per firing across both nodes, and goes on when one
/// node is killed. <c>job_heartbeats</c> has no unique constraint, so a firing run twice would show.
/// </summary>
public sealed class ClusterTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string> _settings = new()
    {
        ["Jobs:HeartbeatInterval"] = "00:00:01",
        ["Jobs:IdleWaitTime"] = "00:00:01",
        ["Jobs:ClusterCheckinInterval"] = "00:00:02",
    };

    [Fact]
    public async Task TwoNodes_RecurringJobFiresOncePerFiring_AndGoesOnWhenOneNodeIsKilled()
    {
        await using var first = await AppProcess.StartAsync(database, _settings);
        await using var second = await AppProcess.StartAsync(database, _settings);
        await WaitUntilAsync(async () => await NodeCountAsync() == 2, TimeSpan.FromSeconds(30), "both nodes registered");
        // Each node stores the heartbeat trigger again as it starts: count from after both did.
        var since = DateTimeOffset.UtcNow.AddSeconds(3);

        var watch = Stopwatch.StartNew();
        var firings = await WaitForFiringsAsync(since, 12, TimeSpan.FromSeconds(60));
        output.WriteLine($"{firings.Count} firings in {watch.Elapsed.TotalSeconds:F1} s after both nodes were up");
        output.WriteLine(string.Join(Environment.NewLine, firings.Select(f => $"{f.Scheduled:HH:mm:ss.ffffff} {f.Instance}")));

        firings.Select(f => f.Scheduled).ShouldBeUnique();
        for (var i = 1; i < firings.Count; i++)
        {
            // One schedule: firings are whole seconds apart (a second schedule beside it, as when
            // two nodes each stored their own trigger, shows as firings a fraction of a second
            // apart). A loaded machine may skip a second (a misfire), never fire it twice.
            var gap = firings[i].Scheduled - firings[i - 1].Scheduled;
            gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), $"between firing {i} and {i + 1}");
            (gap.Ticks % TimeSpan.TicksPerSecond).ShouldBe(0, $"between firing {i} and {i + 1}: {gap}");
        }

        var byNode = firings.GroupBy(f => f.Instance).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("Firings per node: " + string.Join(", ", byNode.Select(n => $"{n.Key}: {n.Value}")));
        (await NodeCountAsync()).ShouldBe(2);
        byNode.Keys.ShouldBeSubsetOf(await NodeNamesAsync());

        first.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await WaitUntilAsync(async () => await NodeCountAsync() == 1, TimeSpan.FromSeconds(30), "the killed node recovered by the survivor");
        output.WriteLine($"Dead node recovered after {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s");
        var survivor = (await NodeNamesAsync()).Single();
        var afterRecovery = DateTimeOffset.UtcNow;
        var later = await WaitForFiringsAsync(afterRecovery, 5, TimeSpan.FromSeconds(30));

        later.ShouldAllBe(f => f.Instance == survivor);
        (await DuplicateCountAsync()).ShouldBe(0);
        var all = await FiringsAsync(since);
        output.WriteLine($"{all.Count} firings in all, {all.Count(f => f.Scheduled > killedAt)} after the kill, all once");
        second.HasExited.ShouldBeFalse();
    }

    private async Task<List<(DateTimeOffset Scheduled, string Instance)>> WaitForFiringsAsync(DateTimeOffset since, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        List<(DateTimeOffset Scheduled, string Instance)> firings;
        while ((firings = await FiringsAsync(since)).Count < count && watch.Elapsed < timeout)
        {
            await Task.Delay(250);
        }

        firings.Count.ShouldBeGreaterThanOrEqualTo(count, $"firings since {since:O} after {watch.Elapsed}");
        return firings;
    }

    private async Task<List<(DateTimeOffset Scheduled, string Instance)>> FiringsAsync(DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT scheduled_fire_time, instance_id FROM job_heartbeats WHERE scheduled_fire_time > $1 ORDER BY scheduled_fire_time", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await command.ExecuteReaderAsync();
        var firings = new List<(DateTimeOffset, string)>();
        while (await reader.ReadAsync())
        {
            firings.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return firings;
    }

    private Task<long> DuplicateCountAsync() =>
        database.QueryAsAdminAsync<long>("SELECT count(*) - count(DISTINCT scheduled_fire_time) FROM job_heartbeats");

    private Task<long> NodeCountAsync() => database.QueryAsAdminAsync<long>("SELECT count(*) FROM qrtz_scheduler_state");

    private async Task<string[]> NodeNamesAsync() =>
        (await database.QueryAsAdminAsync<string>("SELECT string_agg(instance_name, ',') FROM qrtz_scheduler_state")).Split(',');

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Not reached within {timeout}: {what}");
            }

            await Task.Delay(250);
        }
    }
}
