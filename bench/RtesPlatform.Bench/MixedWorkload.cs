using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Bench;

/// <summary>
/// A mixed workload against the running app, closed loop like wrk (each connection sends its next
/// request when the previous answer has been read to its last byte): public fiches 70 %, directory
/// and search 10 %, comparisons, map and dashboard 10 %, API reads 7 %, open-data downloads 3 %,
/// URLs drawn from the database the app serves (<see cref="MixedUrls"/>). Rounds alternate the mix
/// and a static file served by the same Kestrel (the baseline), so that the load of a shared
/// machine falls alike on both. Prints requests, requests/s, p50/p95/p99 and errors (non-2xx or
/// failed) per class; asserts nothing.
/// </summary>
internal static class MixedWorkload
{
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: RtesPlatform.Bench mixed BASE_URL STATIC_DIR [CONNECTIONS] [ROUNDS] [MIXED_S] [STATIC_S] [WARMUP_S] [OPEN_DATA_WAIT_S]");
            return 2;
        }

        var baseUrl = new Uri(args[0]);
        var staticDirectory = args[1];
        var connections = Arg(args, 2, 16);
        var rounds = Arg(args, 3, 2);
        var mixedSeconds = Arg(args, 4, 10);
        var staticSeconds = Arg(args, 5, 4);
        var warmupSeconds = Arg(args, 6, 5);
        var openDataWait = TimeSpan.FromSeconds(Arg(args, 7, 900));
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var owner = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionName)
            ?? throw new InvalidOperationException("Set ConnectionStrings__RtesOwner (./rtes bench does).");

        await WaitForOpenDataAsync(owner, openDataWait);
        var classes = await MixedUrls.LoadAsync(owner, new Random(42));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(5),
        };
        // As a browser asks: compressed when the server has it so (the open-data files are stored gzip).
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");

        // The baseline: the exact bytes of the first sampled fiche page, as a static file of the same Kestrel.
        var fiche = classes[0].Urls[0];
        await File.WriteAllBytesAsync(Path.Combine(staticDirectory, "fiche.html"), await client.GetByteArrayAsync(fiche));
        var baseline = new MixedClass("static file (baseline)", 1, ["/_bench/fiche.html"]);

        Console.WriteLine(string.Create(_inv,
            $"Mixed workload — {Environment.ProcessorCount} cores shared by the app, PostgreSQL and this client; {connections} connections, closed loop; {rounds} rounds of {mixedSeconds} s mix + {staticSeconds} s static file, after {warmupSeconds} s of warm-up"));
        foreach (var c in classes)
        {
            Console.WriteLine(string.Create(_inv, $"  {c.Name,-30} {c.Weight,3:F0} %  {c.Urls.Count,5} URLs drawn, e.g. {c.Urls[0]}"));
        }

        await RunPhaseAsync(client, classes, connections, TimeSpan.FromSeconds(warmupSeconds), null);
        await RunPhaseAsync(client, [baseline], connections, TimeSpan.FromSeconds(Math.Min(warmupSeconds, 2)), null);
        var mixed = classes.ToDictionary(c => c.Name, c => new ClassResult(c.Name));
        var statics = new Dictionary<string, ClassResult> { [baseline.Name] = new ClassResult(baseline.Name) };
        var mixedElapsed = TimeSpan.Zero;
        var staticElapsed = TimeSpan.Zero;
        for (var round = 0; round < rounds; round++)
        {
            staticElapsed += await RunPhaseAsync(client, [baseline], connections, TimeSpan.FromSeconds(staticSeconds), statics);
            mixedElapsed += await RunPhaseAsync(client, classes, connections, TimeSpan.FromSeconds(mixedSeconds), mixed);
        }

        var all = new ClassResult("all classes");
        foreach (var r in mixed.Values)
        {
            all.Merge(r);
        }

        var staticResult = statics[baseline.Name];
        Console.WriteLine();
        Console.WriteLine(string.Create(_inv,
            $"{"class",-30} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"p99 / static",12} {"errors",7} {"MB/s",7}"));
        foreach (var c in classes)
        {
            Row(mixed[c.Name], mixedElapsed, staticResult);
        }

        Row(all, mixedElapsed, staticResult);
        Row(staticResult, staticElapsed, staticResult);
        foreach (var r in mixed.Values.Append(staticResult).Where(r => r.Errors > 0))
        {
            Console.WriteLine($"errors in {r.Name}: {string.Join(", ", r.ErrorSamples)}");
        }

        return 0;
    }

    /// <summary>
    /// Waits until every open-data file exists: a node generates them at its first start (the
    /// synthetic network's values take minutes), and until then downloads stream live data.
    /// </summary>
    private static async Task WaitForOpenDataAsync(string owner, TimeSpan limit)
    {
        var expected = OpenDataSets.All.Sum(s => s.Formats.Count);
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM open_data_files", connection);
        var said = false;
        while (true)
        {
            var count = (long)(await command.ExecuteScalarAsync())!;
            if (count >= expected)
            {
                if (said)
                {
                    Console.Error.WriteLine(string.Create(_inv, $"  open-data files generated after {watch.Elapsed.TotalSeconds:F0} s of waiting"));
                }

                return;
            }

            if (watch.Elapsed > limit)
            {
                throw new InvalidOperationException(string.Create(_inv,
                    $"Only {count} of {expected} open-data files were generated after {limit.TotalSeconds:F0} s (RTES_BENCH_OPEN_DATA_WAIT)."));
            }

            if (!said)
            {
                Console.Error.WriteLine(string.Create(_inv, $"  waiting for the open-data files ({count} of {expected}: the app generates them at its first start)..."));
                said = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], _inv) : fallback;

    private static void Row(ClassResult r, TimeSpan elapsed, ClassResult baseline)
    {
        if (r.Latencies.Count == 0)
        {
            Console.WriteLine(string.Create(_inv, $"{r.Name,-30} {0,9} (no request completed)"));
            return;
        }

        var seconds = elapsed.TotalSeconds;
        Console.WriteLine(string.Create(_inv,
            $"{r.Name,-30} {r.Latencies.Count,9} {r.Latencies.Count / seconds,8:F1} {r.Latencies.At(50),8:F2} {r.Latencies.At(95),8:F2} {r.Latencies.At(99),8:F2} {r.Latencies.At(99) / baseline.Latencies.At(99),11:F1}x {r.Errors,7} {r.Bytes / seconds / 1e6,7:F2}"));
    }

    /// <summary>Runs the classes for <paramref name="duration"/> on every connection; records into <paramref name="results"/> unless null (warm-up).</summary>
    private static async Task<TimeSpan> RunPhaseAsync(
        HttpClient client, IReadOnlyList<MixedClass> classes, int connections, TimeSpan duration, Dictionary<string, ClassResult>? results)
    {
        var total = classes.Sum(c => c.Weight);
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var random = new Random(worker * 7919 + (int)watch.ElapsedTicks);
            var local = classes.ToDictionary(c => c.Name, c => new ClassResult(c.Name));
            var buffer = new byte[81920];
            while (watch.Elapsed < duration)
            {
                var pick = random.NextDouble() * total;
                var chosen = classes[^1];
                foreach (var c in classes)
                {
                    if ((pick -= c.Weight) < 0)
                    {
                        chosen = c;
                        break;
                    }
                }

                var url = chosen.Urls[random.Next(chosen.Urls.Count)];
                var result = local[chosen.Name];
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    long bytes = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer)) > 0)
                    {
                        bytes += read;
                    }

                    result.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, bytes,
                        response.IsSuccessStatusCode ? null : string.Create(_inv, $"{(int)response.StatusCode} {url}"));
                }
                catch (HttpRequestException e)
                {
                    result.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 0, $"{e.Message} {url}");
                }
            }

            return local;
        }).ToList();
        var locals = await Task.WhenAll(workers);
        var elapsed = watch.Elapsed;
        if (results is not null)
        {
            foreach (var local in locals)
            {
                foreach (var (name, r) in local)
                {
                    results[name].Merge(r);
                }
            }
        }

        return elapsed;
    }
}
