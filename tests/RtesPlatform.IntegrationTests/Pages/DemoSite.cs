using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Pages;

/// <summary>The site over its own database, seeded with the demo network as <c>./rtes run</c> seeds it.</summary>
public sealed class DemoSite : IAsyncLifetime
{
    private RtesWebFactory? _factory;

    public TestDatabase Database { get; } = new();

    public RtesWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _factory = new RtesWebFactory(Database);
        await _factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
