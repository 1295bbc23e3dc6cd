using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Security;

/// <summary>
/// Forwarded headers come from settings: without a configured proxy they are ignored (every client
/// behind the peer shares its limits, no HSTS over plain HTTP); with a trusted proxy, the limits see
/// each real client and HSTS is sent for HTTPS terminated at the proxy; an untrusted peer's headers
/// are ignored. The TCP peer is simulated by a test-only start-up filter (X-Test-Peer).
/// </summary>
public sealed class ForwardedHeadersTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Proxy = "10.0.0.1";

    [Fact]
    public async Task WithoutAConfiguredProxy_TheHeadersAreIgnored()
    {
        await using var baseFactory = new RtesWebFactory(database);
        await using var host = Host(baseFactory, trustedProxy: null);
        using var client = Client(host);

        var statuses = await FailuresAsync(client, peer: Proxy, clients: ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4"]);

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            "four 'clients' named by X-Forwarded-For are one peer");
        using var page = await SendAsync(client, HttpMethod.Get, "/collectivites", Proxy, "203.0.113.9", "https");
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("plain HTTP, whatever X-Forwarded-Proto says");
    }

    [Fact]
    public async Task BehindATrustedProxy_LimitsSeeTheRealClient_AndHstsIsSent()
    {
        await using var baseFactory = new RtesWebFactory(database);
        await using var host = Host(baseFactory, trustedProxy: Proxy);
        using var client = Client(host);

        var sameClient = await FailuresAsync(client, peer: Proxy, clients: ["203.0.113.1", "203.0.113.1", "203.0.113.1", "203.0.113.1"]);
        sameClient[^1].ShouldBe(HttpStatusCode.TooManyRequests, "one real client, its own limit");
        var others = await FailuresAsync(client, peer: Proxy, clients: ["203.0.113.2", "203.0.113.3"]);
        others.ShouldAllBe(s => s == HttpStatusCode.Unauthorized, "other clients behind the same proxy are not blocked");

        using var page = await SendAsync(client, HttpMethod.Get, "/collectivites", Proxy, "203.0.113.9", "https");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");

        // A peer that is not the proxy cannot choose its address or scheme.
        var untrusted = await FailuresAsync(client, peer: "192.0.2.9", clients: ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]);
        untrusted[^1].ShouldBe(HttpStatusCode.TooManyRequests);
        using var spoofed = await SendAsync(client, HttpMethod.Get, "/collectivites", "192.0.2.9", "198.51.100.9", "https");
        spoofed.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static WebApplicationFactory<Program> Host(RtesWebFactory baseFactory, string? trustedProxy) => baseFactory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Accounts:RateLimitPerAddress", "3");
        if (trustedProxy is not null)
        {
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", trustedProxy);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    });

    private static HttpClient Client(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://rtes.example.org") });

    /// <summary>Failed token requests (unknown accounts), one per listed client.</summary>
    private static async Task<List<HttpStatusCode>> FailuresAsync(HttpClient client, string peer, string[] clients)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var address in clients)
        {
            using var response = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/token", peer, address, "https",
                JsonSerializer.Serialize(new { email = $"inconnu-{Guid.NewGuid():N}@test.example", password = "un essai" }));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string peer, string forwardedFor, string proto, string? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add(PeerAddressFilter.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", proto);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    /// <summary>Sets the connection's remote address from a test header, before the application's pipeline (the TCP peer of a real server).</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
