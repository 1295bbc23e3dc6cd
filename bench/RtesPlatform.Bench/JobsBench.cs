using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Bench;

/// <summary>
/// Hangfire as the platform runs it: a job node in another process (<c>job-node</c>, a child of
/// this one), jobs enqueued here. Measures the enqueue-to-start latency (p50/p95, one job every
/// 50 ms), no-op jobs per second (enqueued by 4 tasks at once, counted until the node ran them),
/// and the delay between a change of a public value (as the back office writes it, then asks for
/// the debounced refresh) and the aggregates showing it. Prints figures; asserts nothing.
/// </summary>
internal static class JobsBench
{
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    public static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(configuration)
            .AddRtesCore(configuration);
        services.AddJobKind(BenchJob.StartKind);
        services.AddJobKind(BenchJob.NoopKind);
        return services.BuildServiceProvider();
    }

    /// <summary>The child process: a job node until its standard input closes.</summary>
    public static async Task<int> NodeAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = Services(configuration);
        using var server = JobNode.Start(services);
        Console.WriteLine("node started");
        await Console.In.ReadToEndAsync();
        server.SendStop();
        await server.WaitForShutdownAsync(CancellationToken.None);
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var latencyRuns = args.Length > 0 ? int.Parse(args[0], _inv) : 200;
        var noopJobs = args.Length > 1 ? int.Parse(args[1], _inv) : 2000;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var owner = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionName)
            ?? throw new InvalidOperationException("Set ConnectionStrings__RtesOwner (./rtes bench does).");
        await OwnerAsync(owner, """
            CREATE TABLE IF NOT EXISTS bench_job_starts (seq bigint NOT NULL, enqueued_ticks bigint NOT NULL, started_ticks bigint NOT NULL);
            GRANT SELECT, INSERT, DELETE ON bench_job_starts TO rtes_app;
            TRUNCATE bench_job_starts;
            """);
        await using var services = Services(configuration);
        using var node = StartNode();
        try
        {
            var jobs = services.GetRequiredService<IBackgroundJobClient>();
            var storage = services.GetRequiredService<JobStorage>();
            Console.WriteLine(string.Create(_inv, $"Jobs benchmark — {Environment.ProcessorCount} cores, Hangfire on PostgreSQL, a node in another process ({services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value.Workers} workers), LISTEN/NOTIFY"));

            // Warm-up: the node's first jobs load their types and open their connections.
            for (var i = 0; i < 20; i++)
            {
                jobs.Enqueue<BenchJob>(j => j.RecordStartAsync(-1, DateTime.UtcNow.Ticks));
            }

            await WaitForAsync(owner, "SELECT count(*) FROM bench_job_starts", 20, TimeSpan.FromSeconds(60));
            for (var i = 0; i < latencyRuns; i++)
            {
                var sequence = (long)i;
                jobs.Enqueue<BenchJob>(j => j.RecordStartAsync(sequence, DateTime.UtcNow.Ticks));
                await Task.Delay(50);
            }

            await WaitForAsync(owner, "SELECT count(*) FROM bench_job_starts WHERE seq >= 0", latencyRuns, TimeSpan.FromSeconds(120));
            var p = new Percentiles("enqueue → start");
            foreach (var latency in await LatenciesAsync(owner))
            {
                p.Add(latency);
            }

            var baseline = storage.GetMonitoringApi().SucceededListCount();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < noopJobs / 4; i++)
                {
                    jobs.Enqueue(() => BenchJob.NothingAsync());
                }
            })));
            var enqueued = watch.Elapsed;
            while (storage.GetMonitoringApi().SucceededListCount() < baseline + (noopJobs / 4 * 4) && watch.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(50);
            }

            var throughput = noopJobs / 4 * 4 / watch.Elapsed.TotalSeconds;
            var publication = await PublicationToAggregatesAsync(services, owner);

            Console.WriteLine();
            Console.WriteLine(string.Create(_inv, $"{"measure",-58} {"p50",8} {"p95",8} {"p99",8}  target"));
            Console.WriteLine(string.Create(_inv,
                $"{"enqueue → start on another process (ms)",-58} {p.At(50),8:F1} {p.At(95),8:F1} {p.At(99),8:F1}  p95 ≤ 1000 ms: {(p.At(95) <= 1000 ? "MET" : "MISSED")}"));
            Console.WriteLine(string.Create(_inv,
                $"{"no-op jobs per second (4 enqueuers, one node)",-58} {throughput,8:F0}  ({noopJobs / 4 * 4} jobs: enqueued in {enqueued.TotalSeconds:F1} s, all run in {watch.Elapsed.TotalSeconds:F1} s)"));
            Console.WriteLine(publication is { } delay
                ? string.Create(_inv, $"{"publication → aggregates (debounced job, 2 s)",-58} {delay.TotalSeconds,8:F2} s  target ≤ 3 s: {(delay.TotalSeconds <= 3 ? "MET" : "MISSED")}")
                : "publication → aggregates: no public indicator value in this database (seed the demo network first)");
            return 0;
        }
        finally
        {
            node.StandardInput.Close();
            if (!node.WaitForExit(30_000))
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process StartNode()
    {
        var start = new ProcessStartInfo("dotnet", [typeof(JobsBench).Assembly.Location, "job-node"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The job node did not start.");
        var line = process.StandardOutput.ReadLine();
        if (line != "node started")
        {
            throw new InvalidOperationException("The job node did not start: " + line);
        }

        return process;
    }

    /// <summary>A public value bumped as the back office does (tenant access), then the refresh asked for; until the network-wide aggregate shows it.</summary>
    private static async Task<TimeSpan?> PublicationToAggregatesAsync(IServiceProvider services, string owner)
    {
        TenantInfo tenant;
        string code;
        int year;
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT t.id, t.slug, t.name, v.indicator_code, v.year FROM indicator_values v JOIN tenants t ON t.id = v.tenant_id
                WHERE v.visibility = 'public' AND t.status = 'active' ORDER BY v.updated_at DESC LIMIT 1
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            tenant = new TenantInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), TenantStatus.Active);
            (code, year) = (reader.GetString(3), reader.GetInt32(4));
        }

        var before = await TotalAsync(owner, code, year);
        await ChangeAsync(services, tenant, code, year, 1_000_000m);
        var watch = Stopwatch.StartNew();
        while (Math.Abs(await TotalAsync(owner, code, year) - before - 1_000_000) >= 1 && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20);
        }

        var latency = watch.Elapsed;
        await ChangeAsync(services, tenant, code, year, -1_000_000m);
        return latency;
    }

    private static async Task ChangeAsync(IServiceProvider services, TenantInfo tenant, string code, int year, decimal delta)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseForTenantAccess(tenant);
        var db = scope.ServiceProvider.GetRequiredService<RtesDbContext>();
        var value = await db.IndicatorValues.SingleAsync(v => v.IndicatorCode == code && v.Year == year);
        value.Value += delta;
        value.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AggregateRefreshRequests>().RequestAsync(CancellationToken.None);
    }

    private static async Task<double> TotalAsync(string owner, string code, int year)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(max(total), 0) FROM indicator_aggregates
            WHERE indicator_code = @code AND year = @year AND audience = 'public' AND group_kind = 'all' AND group_key = ''
            """, connection);
        command.Parameters.AddWithValue("code", code);
        command.Parameters.AddWithValue("year", year);
        return Convert.ToDouble(await command.ExecuteScalarAsync(), _inv);
    }

    private static async Task<List<double>> LatenciesAsync(string owner)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT started_ticks - enqueued_ticks FROM bench_job_starts WHERE seq >= 0", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<double>();
        while (await reader.ReadAsync())
        {
            values.Add(TimeSpan.FromTicks(reader.GetInt64(0)).TotalMilliseconds);
        }

        return values;
    }

    private static async Task WaitForAsync(string owner, string countSql, long count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var connection = new NpgsqlConnection(owner);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(countSql, connection);
            if ((long)(await command.ExecuteScalarAsync())! >= count)
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{countSql} did not reach {count} within {timeout}.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task OwnerAsync(string owner, string sql)
    {
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
