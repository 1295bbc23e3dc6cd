using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Faults;

/// <summary>
/// SIGKILL of the application during a burst of back-office writes by signed-in officers (real
/// forms, antiforgery tokens, real process, real PostgreSQL): after a restart every write the
/// client saw acknowledged (a redirect after the POST) is there, intact, and nothing is
/// half-written (draft revision = number of saves, one audit event per revision, JSON readable).
/// </summary>
public sealed class WriteBurstKillTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int Clients = 4;
    private const int AcknowledgedBeforeKill = 24;

    /// <summary>One officer's writes, in order: what was acknowledged, and the one in flight when the process died.</summary>
    private sealed class Writer(Tenant tenant, HttpClient client)
    {
        public Tenant Tenant { get; } = tenant;
        public HttpClient Client { get; } = client;
        public List<string> Narratives { get; } = [];             // acknowledged, in order
        public Dictionary<(string Code, int Year), decimal> Values { get; } = [];  // last acknowledged per key
        public string? NarrativeInFlight { get; set; }
        public (string Code, int Year, decimal Value)? ValueInFlight { get; set; }
        public int Acknowledged => Narratives.Count + ValueCount;
        public int ValueCountField;
        public int ValueCount => Volatile.Read(ref ValueCountField);
        public Exception? Error { get; set; }
    }

    [Fact]
    public async Task KilledDuringABurstOfWrites_EveryAcknowledgedWriteSurvives_NothingHalfWritten()
    {
        var watch = Stopwatch.StartNew();
        var tenants = new List<Tenant>();
        var emails = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            var tenant = await database.CreateTenantAsync(TestSirens.Next());
            tenants.Add(tenant);
            emails.Add(await Officers.CreateEditorAsync(database.AdminConnectionString, tenant.Id, $"burst{i}"));
        }

        var home = Path.Combine(Path.GetTempPath(), "rtes-home-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        var settings = new Dictionary<string, string> { ["HOME"] = home };
        var first = await AppProcess.StartAsync(database, settings);
        var cookies = Enumerable.Range(0, Clients).Select(_ => new CookieContainer()).ToList();
        var writers = new List<Writer>();
        for (var i = 0; i < Clients; i++)
        {
            try
            {
                writers.Add(new Writer(tenants[i], await Officers.SignInAsync(first.BaseAddress, emails[i], cookies[i])));
            }
            catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
            {
                throw new InvalidOperationException($"sign-in {i} got no answer ({e.Message}); application output:\n{first.Output}", e);
            }
        }

        var code = await ManualIndicatorCodeAsync(writers[0]);
        var acknowledged = 0;
        var burst = writers.Select((w, n) => Task.Run(() => WriteUntilFailureAsync(w, n, code, () => Interlocked.Increment(ref acknowledged)))).ToList();

        var burstWatch = Stopwatch.StartNew();
        // Every writer gets both kinds of write acknowledged before the kill: on a loaded machine the
        // first requests of one client can be much slower than another's.
        while ((Volatile.Read(ref acknowledged) < AcknowledgedBeforeKill || writers.Any(w => Volatile.Read(ref w.ValueCountField) == 0))
            && burstWatch.Elapsed < TimeSpan.FromSeconds(90) && burst.Any(t => !t.IsCompleted))
        {
            await Task.Delay(10);
        }

        first.Kill();
        var killedAfter = burstWatch.Elapsed;
        await Task.WhenAll(burst);
        await first.DisposeAsync();
        output.WriteLine($"killed after {killedAfter.TotalSeconds:F1} s of burst, {acknowledged} writes acknowledged " +
            $"({writers.Sum(w => w.Narratives.Count)} draft saves, {writers.Sum(w => w.ValueCount)} values), " +
            $"{writers.Count(w => w.NarrativeInFlight is not null || w.ValueInFlight is not null)} in flight");
        acknowledged.ShouldBeGreaterThanOrEqualTo(AcknowledgedBeforeKill, string.Join("; ", writers.Select(w => w.Error?.Message)));
        writers.ShouldAllBe(w => w.Narratives.Count > 0 && w.ValueCount > 0);

        await using var second = await AppProcess.StartAsync(database, settings);
        var lost = 0;
        foreach (var writer in writers)
        {
            lost += await CheckAsync(writer);
        }

        // Through the restarted site too: the session cookies still work and the page shows the last save.
        for (var i = 0; i < Clients; i++)
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies[i] }) { BaseAddress = second.BaseAddress };
            var (status, page) = await Forms.GetAsync(client, $"/espace/{writers[i].Tenant.Slug}/panorama");
            status.ShouldBe(200);
            page.Value("Form.Narrative").ShouldBeOneOf([.. Expected(writers[i])]);
        }

        lost.ShouldBe(0);
        output.WriteLine($"after restart: {acknowledged} acknowledged writes, {lost} lost; whole test {watch.Elapsed.TotalSeconds:F1} s");
        Directory.Delete(home, recursive: true);
    }

    private static IEnumerable<string> Expected(Writer writer)
    {
        yield return writer.Narratives[^1];
        if (writer.NarrativeInFlight is { } inFlight)
        {
            yield return inFlight;
        }
    }

    /// <summary>Alternates a draft save and a manual value until the process dies.</summary>
    private static async Task WriteUntilFailureAsync(Writer writer, int n, string code, Action onAcknowledged)
    {
        try
        {
            for (var i = 1; ; i++)
            {
                var narrative = string.Create(CultureInfo.InvariantCulture, $"Écriture {i} de l'agente {n} — « accusée » & <b>réception</b>.");
                var (_, panorama) = await Forms.GetAsync(writer.Client, $"/espace/{writer.Tenant.Slug}/panorama");
                writer.NarrativeInFlight = narrative;
                var (status, _) = await Forms.SubmitAsync(writer.Client, panorama, panorama.Button("Enregistrer le brouillon"),
                    new Dictionary<string, string> { ["Form.Narrative"] = narrative });
                status.ShouldBe(302, $"draft save {i} of writer {n}");
                writer.Narratives.Add(narrative);
                writer.NarrativeInFlight = null;
                onAcknowledged();

                var year = 2000 + (i % 20);
                var value = i + n / 10m;
                var (_, values) = await Forms.GetAsync(writer.Client, $"/espace/{writer.Tenant.Slug}/indicateurs");
                writer.ValueInFlight = (code, year, value);
                (status, _) = await Forms.SubmitAsync(writer.Client, values, values.Button("Enregistrer la valeur"), new Dictionary<string, string>
                {
                    ["Form.IndicatorCode"] = code,
                    ["Form.Year"] = year.ToString(CultureInfo.InvariantCulture),
                    ["Form.Value"] = value.ToString(CultureInfo.GetCultureInfo("fr-FR")),
                    ["Form.SourceTitle"] = $"Relevé {i}",
                    ["Form.SourceUrl"] = string.Empty,
                    ["Form.Visibility"] = "Private",
                });
                status.ShouldBe(302, $"value {i} of writer {n}");
                writer.Values[(code, year)] = value;
                Interlocked.Increment(ref writer.ValueCountField);
                writer.ValueInFlight = null;
                onAcknowledged();
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // The process died: the write in flight may or may not have committed.
            writer.Error = e;
        }
    }

    /// <summary>Checks one tenant's rows after the restart; returns the number of acknowledged writes missing.</summary>
    private async Task<int> CheckAsync(Writer writer)
    {
        FicheDraft? draft = null;
        List<IndicatorValue> values = [];
        await database.RunAsTenantAsync(writer.Tenant, async db =>
        {
            // Read through the application's model: the JSON deserializes into the fiche's sections.
            draft = await db.FicheDrafts.AsNoTracking().SingleAsync();
            values = await db.IndicatorValues.AsNoTracking().Where(v => v.Origin == ValueOrigin.Manual).ToListAsync();
        });
        var lost = 0;
        var narrative = draft!.Content.Panorama.Narrative;
        var expected = Expected(writer).ToList();
        if (narrative is null || !expected.Contains(narrative))
        {
            output.WriteLine($"{writer.Tenant.Slug}: narrative « {narrative} », expected one of « {string.Join(" » / « ", expected)} »");
            lost++;
        }

        // One revision per committed save, each with its audit event written in the same transaction.
        var committedSaves = writer.Narratives.Count + (narrative == writer.NarrativeInFlight && writer.NarrativeInFlight != writer.Narratives[^1] ? 1 : 0);
        draft.Revision.ShouldBe(committedSaves, $"{writer.Tenant.Slug}: revision");
        var audited = await database.QueryAsAdminAsync<string>(
            "SELECT coalesce(string_agg((details->>'revision'), ',' ORDER BY (details->>'revision')::int), '') FROM audit_events WHERE tenant_id = @t AND action = 'draft.saved'",
            ("t", writer.Tenant.Id));
        audited.ShouldBe(string.Join(',', Enumerable.Range(1, draft.Revision)), $"{writer.Tenant.Slug}: audit events of the draft's revisions");

        foreach (var ((code, year), value) in writer.Values)
        {
            var row = values.SingleOrDefault(v => v.IndicatorCode == code && v.Year == year);
            var inFlight = writer.ValueInFlight is { } f && f.Code == code && f.Year == year ? f.Value : (decimal?)null;
            if (row is null || (row.Value != value && row.Value != inFlight) || row.SourceTitle is null || row.Visibility != ValueVisibility.Private)
            {
                output.WriteLine($"{writer.Tenant.Slug}: value {code} {year} is {row?.Value.ToString(CultureInfo.InvariantCulture) ?? "missing"}, acknowledged {value}");
                lost++;
            }
        }

        return lost;
    }

    /// <summary>A catalogue indicator an officer may type by hand (the first of the page's list).</summary>
    private static async Task<string> ManualIndicatorCodeAsync(Writer writer)
    {
        var (status, page) = await Forms.GetAsync(writer.Client, $"/espace/{writer.Tenant.Slug}/indicateurs");
        status.ShouldBe(200);
        var select = (page.QuerySelector("select[name='Form.IndicatorCode']") as IHtmlSelectElement).ShouldNotBeNull();
        return select.Options.Select(o => o.Value).First(v => !string.IsNullOrEmpty(v));
    }
}
