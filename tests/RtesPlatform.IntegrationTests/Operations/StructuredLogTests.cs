using System.Net;
using System.Text.Json;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>
/// The application's standard output, as a log collector reads it: one JSON object per line, and
/// every line written during a request carries its request id; once tenant resolution and
/// sign-in have run, the tenant and the user too (they are known after the scope opened).
/// </summary>
public sealed class StructuredLogTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string CompletionCategory = "RtesPlatform.Web.Infrastructure.Observability.RequestLoggingMiddleware";

    [Fact]
    public async Task BackOfficeRequest_EveryLineIsJson_AndCarriesRequestTenantAndUserIds()
    {
        var tenant = await database.CreateTenantAsync(TestSirens.Next());
        var userId = await BackOfficeUser.CreateEditorAsync(database, tenant);
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Information",
            // SQL commands are logged during the request, after the tenant and the user are known.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        });
        using var browser = await BackOfficeUser.SignInAsync(app, await BackOfficeUser.EmailAsync(database, userId));

        var requestId = "ops-" + Guid.NewGuid().ToString("N");
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"espace/{tenant.Slug}", UriKind.Relative)))
        {
            request.Headers.Add("X-Request-Id", requestId);
            using var response = await browser.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"the back office of {tenant.Slug}");
            response.Headers.GetValues("X-Request-Id").ShouldBe([requestId]);
        }

        var lines = await WaitForLinesAsync(app, requestId);
        var all = app.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        all.Length.ShouldBeGreaterThan(10);
        foreach (var line in all)
        {
            using var document = ParseOrFail(line);
            var root = document.RootElement;
            root.GetProperty("Timestamp").GetString().ShouldEndWith("Z", customMessage: line);
            root.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty(line);
            root.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty(line);
            root.TryGetProperty("Message", out _).ShouldBeTrue(line);
        }

        var completion = lines.Single(l => l.Category == CompletionCategory);
        completion.Message.ShouldStartWith($"HTTP GET /espace/{tenant.Slug} responded 200 in ");
        completion.State["StatusCode"].ShouldBe("200");
        double.Parse(completion.State["ElapsedMs"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        completion.Scope("TenantId").ShouldBe(tenant.Id.ToString(), "tenant id on the completion line");
        completion.Scope("TenantSlug").ShouldBe(tenant.Slug);
        completion.Scope("UserId").ShouldBe(userId.ToString(), "user id on the completion line");

        // Lines written by the page (its SQL) after resolution and sign-in carry both ids; none of
        // this request's lines carries another tenant or user.
        var commands = lines.Where(l => l.Category == "Microsoft.EntityFrameworkCore.Database.Command").ToList();
        commands.ShouldNotBeEmpty("SQL commands logged during the request");
        commands.ShouldContain(l => l.Scope("TenantId") == tenant.Id.ToString() && l.Scope("UserId") == userId.ToString());
        lines.ShouldAllBe(l => l.Scope("TenantId") == null || l.Scope("TenantId") == tenant.Id.ToString());
        lines.ShouldAllBe(l => l.Scope("UserId") == null || l.Scope("UserId") == userId.ToString());

        // Another request of the same client: its own generated id, none of the first one's lines.
        using var second = await browser.Http.GetAsync(new Uri("/", UriKind.Relative));
        var generated = second.Headers.GetValues("X-Request-Id").Single();
        generated.ShouldMatch("^[0-9a-f]{32}$");
        (await WaitForLinesAsync(app, generated)).ShouldContain(l => l.Category == CompletionCategory && l.Scope("TenantId") == null);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("<script>")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x12345")]
    public async Task InvalidIncomingRequestId_IsReplaced(string incoming)
    {
        await using var factory = new RtesWebFactory(database);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("X-Request-Id", incoming);

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        echoed.ShouldNotBe(incoming);
        echoed.ShouldMatch("^[0-9a-f]{32}$");
    }

    private static JsonDocument ParseOrFail(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new ShouldAssertException($"Not a JSON line: {line}", e);
        }
    }

    /// <summary>The console logger writes from a queue: wait for the request's completion line.</summary>
    private static async Task<List<LogLine>> WaitForLinesAsync(AppProcess app, string requestId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = LogLine.ParseAll(app.Output).Where(l => l.Scope("RequestId") == requestId).ToList();
            if (lines.Any(l => l.Category == CompletionCategory))
            {
                return lines;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException($"No completion line for request {requestId}:{Environment.NewLine}{app.Output}");
    }
}
