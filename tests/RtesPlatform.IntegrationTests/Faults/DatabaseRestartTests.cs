using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.LegacyImport.Runs;
using RtesPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL stopped and started again under load, on a server of its own (the shared test
/// server keeps serving the other tests): the app starts while the database is down and comes up
/// by itself; during an outage it answers 503 with Retry-After (French page, ProblemDetails under
/// /api), never a 500, and does not crash; once the database is back it serves normally within
/// 30 s, /health/ready goes unhealthy then healthy, the job server runs again, and every job
/// acknowledged by the job storage (enqueued before, during or after the outage) is run.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    private sealed record Answer(string Url, int Status, string? RetryAfter, string? ContentType, string Body);

    [Fact]
    public async Task DatabaseDownAtStartThenRestartedUnderLoad_ClearErrorsMeanwhile_RecoversWithin30Seconds()
    {
        var total = Stopwatch.StartNew();
        var server = LocalPostgresServer.Start("faults");
        var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = server.Port, Username = "postgres", Database = "postgres", Pooling = false };
        const string name = "rtes_faults";
        await ExecuteAsync(admin.ConnectionString, $"""
            CREATE ROLE {PostgresCluster.OwnerRole} LOGIN NOSUPERUSER CREATEDB;
            CREATE ROLE {PostgresCluster.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS;
            CREATE DATABASE {name} OWNER {PostgresCluster.OwnerRole};
            """);
        var owner = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Username = PostgresCluster.OwnerRole }.ConnectionString;
        var app = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Username = PostgresCluster.AppRole, Pooling = true }.ConnectionString;
        var superuser = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;

        // A copy of a migrated test database of the shared server (migrating from scratch, reference
        // data included, takes far longer), with a tenant.
        await using var source = new TestDatabase();
        await source.InitializeAsync();
        var tenant = await source.CreateTenantAsync(TestSirens.Next());
        var sourceUrl = new NpgsqlConnectionStringBuilder(source.AdminConnectionString);
        ProcessRunner.Run("bash", Path.GetTempPath(),
        [
            "-c",
            $"set -o pipefail; /usr/lib/postgresql/15/bin/pg_dump -h {sourceUrl.Host} -p {sourceUrl.Port} -U {sourceUrl.Username} {sourceUrl.Database} " +
            $"| /usr/lib/postgresql/15/bin/psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p {server.Port} -U postgres -d {name}",
        ]);
        var email = await Officers.CreateEditorAsync(superuser, tenant.Id, "panne");
        output.WriteLine($"dedicated server ready in {total.Elapsed.TotalSeconds:F1} s");

        // 1. The database is down when the app starts: it starts anyway, says not ready, answers 503.
        server.StopServer();
        var home = Path.Combine(Path.GetTempPath(), "rtes-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        await using var process = await AppProcess.StartAsync(app, owner, new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["Jobs:HeartbeatInterval"] = "00:00:01",
            ["Jobs:ServerHeartbeatInterval"] = "00:00:02",
            // The sweep stays out of this test: only the jobs it enqueues itself are counted.
            ["Jobs:Import:OrphanGrace"] = "00:30:00",
            ["Resilience:StartupMaxRetryDelay"] = "00:00:02",
        });
        using var anonymous = process.CreateClient();
        anonymous.Timeout = TimeSpan.FromSeconds(20);
        var notReady = await GetAsync(anonymous, "health/ready");
        notReady.Status.ShouldBe(503, notReady.Body);
        CheckUnavailable(await GetAsync(anonymous, "collectivites"), api: false);
        CheckUnavailable(await GetAsync(anonymous, $"api/v1/tenants/absente-{Guid.NewGuid():N}"[..40]), api: true);

        server.StartServer();
        var startedAt = Stopwatch.StartNew();
        Answer? lastReady = null;
        await WaitAsync(async () => (lastReady = await GetAsync(anonymous, "health/ready")).Status == 200,
            () => $"ready after the database came up; last answer {lastReady?.Status}: {lastReady?.Body}\n{process.Output[^Math.Min(4000, process.Output.Length)..]}");
        await WaitAsync(async () => await HeartbeatsSinceAsync(superuser, DateTimeOffset.UtcNow.AddSeconds(-1)) > 0, "the job server started once the database came up");
        output.WriteLine($"started without the database; ready and scheduling {startedAt.Elapsed.TotalSeconds:F1} s after it came up");

        // 2. Under load, PostgreSQL stops (sessions terminated) and starts again.
        // The timeout is set before the first request: HttpClient refuses it afterwards.
        using var officer = await Officers.SignInAsync(process.BaseAddress, email, timeout: TimeSpan.FromSeconds(20));
        string[] urls = ["", "collectivites", $"collectivites/{tenant.Slug}", "recherche?q=eau", $"espace/{tenant.Slug}", "api/v1/tenants/{random}"];
        var answers = new ConcurrentQueue<(TimeSpan At, Answer Answer)>();
        var clock = Stopwatch.StartNew();
        using var stopLoad = new CancellationTokenSource();
        // Jobs enqueued all along (import runs stored beforehand, dry runs of a one-fiche file), as
        // another process would: those the storage acknowledged must all run.
        var runs = await InsertRunsAsync(superuser, 60);
        await using var enqueuer = Enqueuer(app);
        var jobs = enqueuer.GetRequiredService<IBackgroundJobClient>();
        var acknowledged = new ConcurrentQueue<Guid>();
        var refused = 0;
        var enqueueing = Task.Run(async () =>
        {
            foreach (var run in runs)
            {
                if (stopLoad.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    jobs.Enqueue<LegacyImportJob>(j => j.ExecuteAsync(run, null, CancellationToken.None));
                    acknowledged.Enqueue(run);
                }
                catch (BackgroundJobClientException)
                {
                    Interlocked.Increment(ref refused);
                }

                await Task.Delay(200);
            }
        });
        var load = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            for (var i = n; !stopLoad.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length].Replace("{random}", Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal);
                var answer = await GetAsync(url.StartsWith("espace", StringComparison.Ordinal) ? officer : anonymous, url);
                answers.Enqueue((clock.Elapsed, answer));
                await Task.Delay(20);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var beforeOutage = answers.Count;
        var stoppedAt = clock.Elapsed;
        server.StopServer();
        await Task.Delay(TimeSpan.FromSeconds(6));
        var readyDuringOutage = await GetAsync(anonymous, "health/ready");
        var restartedAt = clock.Elapsed;
        var restart = DateTimeOffset.UtcNow;
        server.StartServer();

        // Recovered: every page of the list answers normally again, and health says ready.
        TimeSpan? recovered = null;
        while (clock.Elapsed - restartedAt < RecoveryLimit + TimeSpan.FromSeconds(5))
        {
            var round = new List<Answer>();
            foreach (var url in urls)
            {
                var u = url.Replace("{random}", Guid.NewGuid().ToString("N")[..12], StringComparison.Ordinal);
                round.Add(await GetAsync(u.StartsWith("espace", StringComparison.Ordinal) ? officer : anonymous, u));
            }

            round.Add(await GetAsync(anonymous, "health/ready"));
            if (round.All(a => a.Status is 200 or 404 && (a.Status == 200 || a.Url.StartsWith("api/", StringComparison.Ordinal))))
            {
                recovered = clock.Elapsed - restartedAt;
                break;
            }

            await Task.Delay(250);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);
        await enqueueing;
        var unfinished = acknowledged.ToList();
        var jobsWatch = Stopwatch.StartNew();
        while (unfinished.Count > 0 && jobsWatch.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
            unfinished = await UnfinishedAsync(superuser, unfinished);
        }

        output.WriteLine($"{acknowledged.Count} jobs acknowledged, {refused} refused during the outage; {unfinished.Count} not run");
        acknowledged.Count.ShouldBeGreaterThan(10);
        if (unfinished.Count > 0)
        {
            unfinished.ShouldBeEmpty("every job the storage acknowledged runs, whatever the restart: " + await DescribeAsync(superuser, unfinished)
                + $"\n{process.Output[^Math.Min(6000, process.Output.Length)..]}");
        }
        var heartbeats = 0L;
        await WaitAsync(async () => (heartbeats = await HeartbeatsSinceAsync(superuser, restart)) > 0, "a heartbeat after the database came back");

        var all = answers.Select(a => a.Answer).ToList();
        var during = answers.Where(a => a.At > stoppedAt && a.At < restartedAt).Select(a => a.Answer).ToList();
        var unavailable = all.Where(a => a.Status == 503).ToList();
        output.WriteLine($"{all.Count} requests ({beforeOutage} before the outage, {during.Count} during the {(restartedAt - stoppedAt).TotalSeconds:F1} s outage): " +
            string.Join(", ", all.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        output.WriteLine($"recovered {recovered?.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} s after PostgreSQL was started again; " +
            $"{heartbeats} heartbeats since; whole test {total.Elapsed.TotalSeconds:F1} s");

        process.HasExited.ShouldBeFalse("the process must stay alive");
        all.ShouldAllBe(a => a.Status == 200 || a.Status == 302 || a.Status == 404 || a.Status == 503, string.Join("\n", all.Where(a => a.Status >= 500 && a.Status != 503).Take(3)));
        all.Where(a => a.Status == 404).ShouldAllBe(a => a.Url.StartsWith("api/", StringComparison.Ordinal));
        unavailable.ShouldNotBeEmpty("the outage should have been answered with 503s");
        unavailable.ForEach(a => CheckUnavailable(a, api: a.Url.StartsWith("api/", StringComparison.Ordinal)));
        unavailable.ShouldContain(a => a.Url.StartsWith("api/", StringComparison.Ordinal));
        unavailable.ShouldContain(a => !a.Url.StartsWith("api/", StringComparison.Ordinal));
        readyDuringOutage.Status.ShouldBe(503);
        recovered.ShouldNotBeNull($"not recovered within {RecoveryLimit}:\n{process.Output[^Math.Min(4000, process.Output.Length)..]}");
        recovered.Value.ShouldBeLessThan(RecoveryLimit);
        process.Output.ShouldNotContain("Unhandled exception");
        Directory.Delete(home, recursive: true);
        server.Stop();
    }

    private static void CheckUnavailable(Answer answer, bool api)
    {
        answer.Status.ShouldBe(503, $"{answer.Url}: {answer.Body}");
        answer.RetryAfter.ShouldNotBeNullOrEmpty(answer.Url);
        if (api)
        {
            answer.ContentType.ShouldBe("application/problem+json", answer.Url);
            // Read as JSON: the serializer escapes non-ASCII letters (\u00E9).
            using var problem = JsonDocument.Parse(answer.Body);
            problem.RootElement.GetProperty("status").GetInt32().ShouldBe(503, answer.Body);
            problem.RootElement.GetProperty("title").GetString().ShouldBe("Service momentanément indisponible", answer.Body);
            problem.RootElement.GetProperty("retryAfter").GetInt32().ShouldBePositive(answer.Body);
        }
        else
        {
            answer.ContentType.ShouldBe("text/html", answer.Url);
            answer.Body.ShouldContain("Service momentanément indisponible");
            answer.Body.ShouldNotContain("   at ");
        }
    }

    private static async Task<Answer> GetAsync(HttpClient client, string url)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return new Answer(url, (int)response.StatusCode, response.Headers.RetryAfter?.ToString(),
                response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer at all (timeout, connection refused) counts as a failure of the test.
            return new Answer(url, 0, null, null, e.Message);
        }
    }

    private static Task WaitAsync(Func<Task<bool>> condition, string what) => WaitAsync(condition, () => what);

    private static async Task WaitAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > RecoveryLimit)
            {
                throw new TimeoutException($"Not within {RecoveryLimit}: {what()}");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<long> HeartbeatsSinceAsync(string connectionString, DateTimeOffset since)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM job_heartbeats WHERE fired_at > @since", connection);
            command.Parameters.AddWithValue("since", since);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException)
        {
            return 0;
        }
    }

    /// <summary>The runs' state and their jobs' state history, for a failure message.</summary>
    private static async Task<string> DescribeAsync(string connectionString, List<Guid> runs)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT r.id || ' ' || r.status || ' attempts ' || r.attempts || ' error ' || coalesce(r.error, '-') || ' jobs: ' || coalesce((
                SELECT string_agg(j.id || ' ' || coalesce(j.statename, '?') || ' [' || (
                    SELECT string_agg(s.name || ' ' || coalesce(s.reason, '') || ' ' || s.createdat, ' > ' ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = j.id) || ']', '; ')
                  FROM hangfire.job j WHERE j.arguments::text LIKE '%' || r.id || '%'), 'none')
              FROM legacy_import_runs r WHERE r.id = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", runs.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Import runs stored as the console does (queued, dry run, a one-fiche file), without their job yet.</summary>
    private static async Task<List<Guid>> InsertRunsAsync(string connectionString, int count)
    {
        var content = System.Text.Encoding.UTF8.GetBytes("Conseil départemental des Ardennes\n\nType de collectivité\nDépartement\n");
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var id in ids)
        {
            await using var command = new NpgsqlCommand("""
                INSERT INTO legacy_import_runs (id, file_name, content, dry_run, requested_by, requested_at, status, attempts)
                VALUES (@id, 'ardennes.txt', @content, true, 'test@rtes.example', now(), 'queued', 0)
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("content", content);
            await command.ExecuteNonQueryAsync();
        }

        return ids;
    }

    /// <summary>Of <paramref name="runs"/>, those not succeeded yet (all of them while the database does not answer).</summary>
    private static async Task<List<Guid>> UnfinishedAsync(string connectionString, List<Guid> runs)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id FROM legacy_import_runs WHERE id = ANY(@ids) AND status <> 'succeeded'", connection);
            command.Parameters.AddWithValue("ids", runs.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            var left = new List<Guid>();
            while (await reader.ReadAsync())
            {
                left.Add(reader.GetGuid(0));
            }

            return left;
        }
        catch (NpgsqlException)
        {
            return runs;
        }
    }

    /// <summary>The application's services without a host (a command, another node): they enqueue and run nothing.</summary>
    private static ServiceProvider Enqueuer(string appConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.AppConnectionName}"] =
                new NpgsqlConnectionStringBuilder(appConnectionString) { Timeout = 2 }.ConnectionString,
            ["ReferenceData:PackagePath"] = RepositoryPaths.ReferenceDataPackage,
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRtesCore(configuration).BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
