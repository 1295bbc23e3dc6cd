using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Features.Comparisons;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Synthetic;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Bench;

/// <summary>
/// The comparisons over the synthetic network (~36 000 tenants, ~7 M values), measured with the
/// application role (row-level security on) through the application's own ComparisonQueries, one
/// DI scope per query like one request: grouped quartiles from the aggregates, one ranked page,
/// a member's series, the map, the dashboard, the delay before a change shows in the aggregates,
/// and the same quartiles computed live from the values (the baseline, measured in the same run).
/// Seeds the network first when the database has none (about 2 minutes). Prints figures; asserts
/// nothing.
/// </summary>
internal static class ComparisonBench
{
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], _inv) : 200;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var owner = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionName)
            ?? throw new InvalidOperationException("Set ConnectionStrings__RtesOwner (./rtes bench does).");
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddRtesCore(configuration)
            .BuildServiceProvider();

        var seed = await EnsureNetworkAsync(owner, services);
        var sample = await BenchSample.LoadAsync(owner);
        var networkUser = await BenchSample.EnsureNetworkAdminAsync(owner);
        Console.WriteLine(string.Create(_inv,
            $"Comparisons benchmark — {Environment.ProcessorCount} cores, {sample.Tenants:N0} tenants, {sample.Values:N0} indicator values, {sample.Aggregates:N0} aggregate rows, {runs} runs per query (after 20 warm-up runs)"));

        var random = new Random(42);
        var grouped = await MeasureAsync("grouped kind×région quartiles (aggregates, public)", runs, random, services, null, async (q, r) =>
        {
            var (code, year) = sample.PerCapitaPick(r);
            if ((await q.Distributions.GroupedAsync(code, year, true, PeerGroupKinds.KindRegion, CancellationToken.None)).Count == 0)
            {
                throw new InvalidOperationException($"No aggregates for {code} {year}.");
            }
        });
        var groupedNetwork = await MeasureAsync("same, network member (audience network)", runs, random, services, networkUser, async (q, r) =>
        {
            var (code, year) = sample.PerCapitaPick(r);
            await q.Distributions.GroupedAsync(code, year, true, PeerGroupKinds.KindRegion, CancellationToken.None);
        });
        var baseline = await MeasureAsync("baseline: same quartiles live (percentile_cont)", runs, random, services, null, async (q, r) =>
        {
            var (code, year) = sample.PerCapitaPick(r);
            await BenchSample.LiveKindRegionQuartilesAsync(services, code, year);
        });
        var page = await MeasureAsync("CompareAsync: page 1 of communes (ranked live)", runs, random, services, null, async (q, r) =>
        {
            var (code, year) = sample.PerCapitaPick(r);
            await q.CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(year), true, PeerGroup.OfKind(TenantKind.Commune)), CancellationToken.None);
        });
        var pageCa = await MeasureAsync("CompareAsync: page 1 of CA (ranked live)", runs, random, services, null, async (q, r) =>
        {
            var (code, year) = sample.PerCapitaPick(r);
            await q.CompareAsync(new ComparisonQuery(code, ComparisonWindow.SingleYear(year), true, PeerGroup.OfKind(TenantKind.CommunauteAgglomeration)), CancellationToken.None);
        });
        var series = await MeasureAsync("SeriesAsync: 10 years vs kind×région", runs, random, services, null, async (q, r) =>
        {
            var member = sample.Members[r.Next(sample.Members.Count)];
            var (code, _) = sample.PerCapitaPick(r);
            await q.Series.SeriesAsync(member.Id, code, true, PeerGroup.OfKindInRegion(member.Kind, member.RegionCode), CancellationToken.None);
        });
        var map = await MeasureMapAsync(runs, random, services, sample);
        var dashboard = await MeasureDashboardAsync(runs, random, services);
        var publication = await PublicationLatency.MeasureAsync(services, owner, sample);

        Console.WriteLine();
        Console.WriteLine(string.Create(_inv, $"{"query",-52} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}  target"));
        Row(grouped, 50);
        Row(groupedNetwork, 50);
        Row(baseline, null);
        Row(page, 50);
        Row(pageCa, 50);
        Row(series, 20);
        Row(map, 50);
        Row(dashboard, 50);
        Console.WriteLine(string.Create(_inv,
            $"aggregates / live baseline at p50: {baseline.At(50) / grouped.At(50):F0}x faster, at p95: {baseline.At(95) / grouped.At(95):F0}x"));
        Console.WriteLine(string.Create(_inv,
            $"{"publication → aggregates (debounced Hangfire job, 2 s)",-52} {publication.TotalSeconds,8:F2} s  target ≤ 3 s: {Verdict(publication.TotalSeconds, 3, "s")}"));
        if (seed is { } s)
        {
            Console.WriteLine(string.Create(_inv,
                $"seed-synthetic (run by this bench): load {s.LoadTime.TotalSeconds:F1} s + analyze {s.AnalyzeTime.TotalSeconds:F1} s + aggregates {s.RefreshTime.TotalSeconds:F1} s = {s.TotalTime.TotalSeconds:F1} s  target ≤ 120 s: {Verdict(s.TotalTime.TotalSeconds, 120, "s")}"));
        }

        return 0;
    }

    private static void Row(Percentiles p, double? target) =>
        Console.WriteLine(string.Create(_inv,
            $"{p.Name,-52} {p.At(50),8:F2} {p.At(95),8:F2} {p.At(99),8:F2}  {(target is { } t ? $"p95 ≤ {t:F0} ms: {Verdict(p.At(95), t, "ms")}" : "(reference)")}"));

    private static string Verdict(double value, double target, string unit) =>
        value <= target
            ? string.Create(_inv, $"MET ({target - value:F1} {unit} under)")
            : string.Create(_inv, $"MISSED by {value - target:F1} {unit} ({value / target:F1}x)");

    private static async Task<Percentiles> MeasureAsync(
        string name, int runs, Random random, IServiceProvider services, Guid? userId, Func<ComparisonQueries, Random, Task> query)
    {
        var result = new Percentiles(name);
        for (var i = -20; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            if (userId is { } id)
            {
                scope.ServiceProvider.GetRequiredService<CurrentUser>().SignedIn(id);
            }

            var queries = scope.ServiceProvider.GetRequiredService<ComparisonQueries>();
            if (i < 0)
            {
                await query(queries, random);
            }
            else
            {
                await result.MeasureAsync(() => query(queries, random));
            }
        }

        Console.Error.WriteLine(string.Create(_inv, $"  measured {name}: p50 {result.At(50):F2} ms"));
        return result;
    }

    /// <summary>The map of members (the page's query): per-capita medians by département over the default five-year window.</summary>
    private static async Task<Percentiles> MeasureMapAsync(int runs, Random random, IServiceProvider services, BenchSample sample)
    {
        const string name = "ComparisonMap: per-capita medians by département";
        var result = new Percentiles(name);
        for (var i = -20; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<ComparisonQueries>();
            var map = scope.ServiceProvider.GetRequiredService<ComparisonMap>();
            var (code, year) = sample.PerCapitaPick(random);
            async Task Run()
            {
                var indicator = (await queries.CatalogueAsync(CancellationToken.None)).Single(x => x.Code == code);
                var shown = await map.MapAsync(indicator, new ComparisonWindow(year, ComparisonWindow.DefaultYears), true, CancellationToken.None);
                if (shown.WithValue == 0)
                {
                    throw new InvalidOperationException($"No value on the map for {code} {year}.");
                }
            }

            if (i < 0)
            {
                await Run();
            }
            else
            {
                await result.MeasureAsync(Run);
            }
        }

        Console.Error.WriteLine(string.Create(_inv, $"  measured {name}: p50 {result.At(50):F2} ms"));
        return result;
    }

    /// <summary>
    /// The dashboard (/comparaisons/tableau, the page's queries): one page of 25 members of the
    /// whole network × every indicator, with the counts per indicator; a random page each run.
    /// </summary>
    private static async Task<Percentiles> MeasureDashboardAsync(int runs, Random random, IServiceProvider services)
    {
        const string name = "ComparisonCoverage: dashboard, all members × indicators";
        const int pageSize = 25;
        int pages;
        await using (var first = services.CreateAsyncScope())
        {
            var matrix = await first.ServiceProvider.GetRequiredService<ComparisonCoverage>()
                .MatrixAsync(new CoverageRequest(null, null, 1, pageSize), CancellationToken.None);
            pages = Math.Max(1, (matrix.TotalMembers + pageSize - 1) / pageSize);
        }

        var result = new Percentiles(name);
        for (var i = -20; i < runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<ComparisonQueries>();
            var coverage = scope.ServiceProvider.GetRequiredService<ComparisonCoverage>();
            var page = 1 + random.Next(pages);
            async Task Run()
            {
                _ = await queries.CatalogueAsync(CancellationToken.None);
                var matrix = await coverage.MatrixAsync(new CoverageRequest(null, null, page, pageSize), CancellationToken.None);
                if (matrix.Members.Count == 0 || matrix.Cells.Count == 0)
                {
                    throw new InvalidOperationException($"The dashboard's page {page} of {pages} is empty.");
                }
            }

            if (i < 0)
            {
                await Run();
            }
            else
            {
                await result.MeasureAsync(Run);
            }
        }

        Console.Error.WriteLine(string.Create(_inv, $"  measured {name}: p50 {result.At(50):F2} ms"));
        return result;
    }

    private static async Task<SyntheticNetworkReport?> EnsureNetworkAsync(string owner, IServiceProvider services)
    {
        await using (var connection = new NpgsqlConnection(owner))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM indicator_values WHERE origin = 'synthetic')", connection);
            if ((bool)(await command.ExecuteScalarAsync())!)
            {
                return null;
            }
        }

        Console.Error.WriteLine("No synthetic network in this database: seeding it (seed-synthetic, about 2 minutes)...");
        var watch = Stopwatch.StartNew();
        var report = await new SyntheticNetwork(owner, services.GetRequiredService<TimeProvider>())
            .RunAsync(SyntheticNetworkScope.Full, m => Console.Error.WriteLine("  " + m), CancellationToken.None);
        Console.Error.WriteLine(string.Create(_inv, $"Seeded in {watch.Elapsed.TotalSeconds:F1} s."));
        return report;
    }
}
