using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Authoring;
using RtesPlatform.IntegrationTests.Infrastructure;
using RtesPlatform.Web.Infrastructure.Caching;

namespace RtesPlatform.IntegrationTests.Caching;

/// <summary>
/// The site with output caching on (the "Testing" environment has it off by default) and a long
/// <c>OutputCaching:MaxAge</c>, so that only an eviction can explain a fresh page; users are signed
/// in by <see cref="TestAuthHandler"/>. <c>?test-set-cookie=1</c> makes any response set a cookie,
/// <c>?test-no-store=1</c> say <c>Cache-Control: no-store</c>, as an endpoint could.
/// </summary>
public sealed class CachingSite : IAsyncLifetime
{
    private RtesWebFactory _factory = null!;

    public TestDatabase Database { get; } = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public PublicCacheState State => Host.Services.GetRequiredService<PublicCacheState>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _factory = new RtesWebFactory(Database);
        Host = _factory.WithTestUsers().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OutputCaching:Enabled", "true");
            builder.UseSetting("OutputCaching:MaxAge", "00:10:00");
            // No job runs here: the start-up open-data export and the aggregate refreshes would
            // evict the cache while a test looks at it.
            builder.UseSetting("Jobs:RunScheduler", "false");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestHeadersFilter>());
            // X-Test-User signs in for the whole pipeline (the cache sees the user), not only for
            // the back office's policies; requests without the header stay anonymous.
            builder.ConfigureTestServices(services => services.Configure<AuthenticationOptions>(
                options => options.DefaultAuthenticateScheme = TestAuthHandler.SchemeName));
        });
        await State.FirstListening.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    public HttpClient Anonymous() => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public HttpClient SignedIn(string name = "Chargée Cache")
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(TestAuthHandler.HeaderName, $"user-{Guid.NewGuid():N}|{name}");
        return client;
    }

    /// <summary>A browser-like editor (cookies, redirects followed) for the back-office forms.</summary>
    public HttpClient Editor(string name) => Host.ClientFor($"user-{Guid.NewGuid():N}", name);

    public async Task<Tenant> PublishedTenantAsync(string narrative)
    {
        var tenant = await Database.CreateTenantAsync(TestSirens.Next());
        await Database.SaveAndPublishAsync(tenant, new FicheContent { Panorama = new PanoramaSection { Narrative = narrative } });
        return tenant;
    }

    /// <summary>Waits (10 s at most, far below MaxAge) until <paramref name="url"/> shows <paramref name="text"/> to an anonymous visitor.</summary>
    public async Task<string> WaitForTextAsync(string url, string text)
    {
        using var client = Anonymous();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var body = await client.GetStringAsync(new Uri(url, UriKind.Relative));
            if (body.Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(50);
        }
    }

    private sealed class TestHeadersFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Query.ContainsKey("test-set-cookie"))
                {
                    context.Response.Headers.Append("Set-Cookie", "preference=1; path=/");
                }

                if (context.Request.Query.ContainsKey("test-no-store"))
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.CacheControl = "no-store";
                        return Task.CompletedTask;
                    });
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
