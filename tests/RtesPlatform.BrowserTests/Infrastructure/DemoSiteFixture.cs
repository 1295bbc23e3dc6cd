using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Indicators;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.BrowserTests.Infrastructure;

/// <summary>
/// The application served for real by Kestrel on 127.0.0.1 (a free port), over its own test
/// database holding the demo network, seeded once per fixture by the app's own <see cref="DemoSeeder"/>.
/// The browser tests only read it.
/// </summary>
public sealed class DemoSiteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private RtesWebFactory? _baseFactory;
    private WebApplicationFactory<Program>? _factory;
    private Uri? _baseAddress;
    private int _disposed;

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The demo site is not started.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _baseFactory = new RtesWebFactory(_database);
        // The "Testing" environment does not load the static web assets manifest (only Development
        // does), so the fingerprinted, compressed CSS that the pages link to would come back empty.
        // The fictitious members too, as `./rtes run` shows them: comparisons with peers to compare.
        _factory = _baseFactory.WithWebHostBuilder(builder => builder.UseStaticWebAssets().UseSetting("Demo:FictitiousMembers", "true"));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        await _factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        // The comparison aggregates refresh in the background; the pages under test need them now.
        await _factory.Services.GetRequiredService<IndicatorAggregateRefresher>().RefreshPendingAsync(CancellationToken.None);

        var addresses = _factory.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses;
        _baseAddress = new Uri(addresses.Single());
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_baseFactory is not null)
        {
            await _baseFactory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
