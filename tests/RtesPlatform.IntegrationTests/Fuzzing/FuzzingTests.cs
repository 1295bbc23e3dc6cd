using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>
/// At least 10 000 malformed requests, generated from a printed seed, across every form and every
/// other route of the route table (pages' POST handlers with the fields their forms render, /api
/// routes, open data, health), sent in parallel to the in-process host: no answer is a 5xx and the
/// host logs no error (an unhandled exception is logged by the exception handler middleware).
/// Replay a run with <c>RTES_FUZZ_SEED=n</c>; size it with <c>RTES_FUZZ_REQUESTS=n</c>.
/// </summary>
public sealed class FuzzingTests(FuzzSite site, ITestOutputHelper output) : IClassFixture<FuzzSite>
{
    private const int DefaultSeed = 20_261_122;
    private const int DefaultRequests = 10_400;

    [Fact]
    public async Task MalformedRequests_OnEveryRoute_GiveNo5xxAndLogNoError()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RTES_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("RTES_FUZZ_REQUESTS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultRequests;
        output.WriteLine($"Fuzzing seed {seed} (replay with RTES_FUZZ_SEED={seed}), {count} requests");

        using var client = site.CreateRawClient();
        var targets = await FuzzTargets.DiscoverAsync(site, client);
        var routes = targets.Select(t => t.Route).Distinct().ToList();
        var forms = targets.Where(t => t.IsForm).ToList();
        output.WriteLine($"{routes.Count} routes, {forms.Count} form targets (POST handlers), {targets.Count(t => t.IsApi)} API targets, {targets.Count(t => !t.IsForm && !t.IsApi)} other targets");
        foreach (var form in forms)
        {
            output.WriteLine($"  POST {form.Url} as {form.Session.Name}: {form.Fields.Count} fields");
        }

        // The discovery must have found the back office, the console and the account forms.
        forms.Count.ShouldBeGreaterThanOrEqualTo(30, "the forms of the site were not found");
        forms.ShouldContain(f => f.Url.StartsWith("/espace/", StringComparison.Ordinal) && f.Fields.Count > 5);
        forms.ShouldContain(f => f.Url.StartsWith("/reseau", StringComparison.Ordinal));
        forms.ShouldContain(f => f.Url.StartsWith("/compte/connexion", StringComparison.Ordinal));
        site.Logs.Clear();

        var requests = new FuzzGenerator(seed, targets).Generate(count);
        var (failures, errors) = await RunAsync(client, requests);

        requests.Count.ShouldBeGreaterThanOrEqualTo(10_000);
        failures.ShouldBeEmpty($"seed {seed}: requests answered 5xx or failed");
        await SessionsStillWorkAsync(client);
        errors.ShouldBeEmpty($"seed {seed}: the host logged errors");
    }

    /// <summary>
    /// The control-character classes (NUL, other C0 and DEL, C1, lone surrogates, overlong UTF-8) in
    /// every parameter of every route — each query parameter the route binds or its pages send, each
    /// route value, each form field, each API write's JSON body — one request per parameter and
    /// class: none is a 5xx and the host logs no error.
    /// </summary>
    [Fact]
    public async Task ControlCharacters_InEveryParameterOfEveryRoute_GiveNo5xxAndLogNoError()
    {
        using var client = site.CreateRawClient();
        var targets = await FuzzTargets.DiscoverAsync(site, client);
        var parameters = await FuzzParameters.DiscoverAsync(site, client, targets);
        var named = parameters.Where(p => p.Value.Names.Count > 0).ToList();
        output.WriteLine($"{parameters.Count} routes, {named.Count} with query parameters ({named.Sum(p => p.Value.Names.Count)} in all)");
        foreach (var (route, found) in named)
        {
            output.WriteLine($"  {route}: {string.Join(", ", found.Names)}");
        }

        // The routes where the probe found 500s must be among those swept with their parameters.
        IReadOnlyList<string> Names(string route) => parameters.First(p => p.Key.TrimEnd('/').Equals(route, StringComparison.OrdinalIgnoreCase)).Value.Names;
        Names("/collectivites").ShouldContain("region");
        Names("/collectivites").ShouldContain("theme");
        Names("/comparaisons").ShouldContain("membre");
        Names("/comparaisons/evolution").ShouldContain("membre");
        Names("/comparaisons/tableau").ShouldContain("region");
        Names("/api/v1/tenants").ShouldContain("q");
        Names("/api/v1/tenants").ShouldContain("region");
        Names("/api/v1/indicators/{code}/values").ShouldContain("region");
        Names("/api/v1/comparisons/{code}").ShouldContain("members");
        site.Logs.Clear();

        var requests = ControlCharacterSweep.Generate(targets, parameters, site.ApiToken);
        var (failures, errors) = await RunAsync(client, requests);

        requests.Count.ShouldBeGreaterThan(1_000);
        failures.ShouldBeEmpty("control characters answered 5xx or failed");
        errors.ShouldBeEmpty("the host logged errors");
        await SessionsStillWorkAsync(client);
    }

    /// <summary>The run's privileged sessions are still signed in: the back office and the console were fuzzed to the end.</summary>
    private async Task SessionsStillWorkAsync(HttpClient client)
    {
        foreach (var (session, url) in new[] { (site.TenantAdmin, $"/espace/{site.TenantA.Slug}"), (site.NetworkAdmin, "/reseau") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            FuzzSite.Authenticate(request, session);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                var events = await site.Database.QueryAsAdminAsync<string>(
                    "SELECT coalesce(string_agg(action || ' ' || details::text, E'\n' ORDER BY id), '') FROM audit_events WHERE action NOT LIKE 'draft.%'");
                ((int)response.StatusCode).ShouldBe(200, $"{session.Name} is still signed in ({url}); sent to {response.Headers.Location}; audit:\n{events}");
            }
        }
    }

    private async Task<(IReadOnlyCollection<string> Failures, IReadOnlyCollection<LogCapture.Entry> Errors)> RunAsync(HttpClient client, IReadOnlyList<FuzzRequest> requests)
    {
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var byKind = new ConcurrentDictionary<PayloadKind, int>();
        var fiveHundredsByKind = new ConcurrentDictionary<PayloadKind, int>();
        var timeByKind = new ConcurrentDictionary<PayloadKind, long>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, cancellationToken) =>
        {
            byKind.AddOrUpdate(request.Kind, 1, (_, c) => c + 1);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, cancellationToken);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (status >= 500)
                {
                    fiveHundredsByKind.AddOrUpdate(request.Kind, 1, (_, c) => c + 1);
                    failures.Enqueue($"{status} for {request.Describe()}");
                }
            }
#pragma warning disable CA1031 // Any exception out of the in-process host is a finding, reported with the request.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                statuses.AddOrUpdate(-1, 1, (_, c) => c + 1);
                fiveHundredsByKind.AddOrUpdate(request.Kind, 1, (_, c) => c + 1);
                failures.Enqueue($"exception {exception.GetType().Name}: {exception.Message} for {request.Describe()}");
            }

            timeByKind.AddOrUpdate(request.Kind, Stopwatch.GetElapsedTime(started).Ticks, (_, t) => t + Stopwatch.GetElapsedTime(started).Ticks);
        });
        stopwatch.Stop();

        output.WriteLine($"{requests.Count} requests in {stopwatch.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("By kind (requests / 5xx): " + string.Join(", ", byKind.OrderBy(k => k.Key)
            .Select(k => $"{k.Key} {k.Value}/{fiveHundredsByKind.GetValueOrDefault(k.Key)}")));
        output.WriteLine("Time by kind (s, summed over parallel requests): " + string.Join(", ", timeByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {TimeSpan.FromTicks(k.Value).TotalSeconds:F0}")));
        output.WriteLine("By status: " + string.Join(", ", statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}")));
        var errors = site.Logs.Entries;
        output.WriteLine($"{failures.Count} 5xx or exceptions, {errors.Count} error logs");
        foreach (var failure in failures.Take(40))
        {
            output.WriteLine(failure);
        }

        foreach (var error in errors.DistinctBy(e => e.Message + e.Exception?.GetType()).Take(20))
        {
            output.WriteLine(error.ToString());
        }

        return (failures, errors);
    }
}
