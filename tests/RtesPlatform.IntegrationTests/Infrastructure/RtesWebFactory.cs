using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RtesPlatform.Core.Data;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The web host over a <see cref="TestDatabase"/>: the application connects as the restricted
/// application role, in the "Testing" environment.
/// </summary>
public sealed class RtesWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public static Uri PublicBaseUrl { get; } = new("https://localhost/");

    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.AppConnectionName}", Database.AppConnectionString);
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.OwnerConnectionName}", Database.OwnerConnectionString);
        builder.UseSetting("ReferenceData:PackagePath", RepositoryPaths.ReferenceDataPackage);
        builder.UseSetting("ReferenceData:MapPackagePath", RepositoryPaths.MapPackage);
        // Required outside Development (links in mails never follow the request's Host).
        builder.UseSetting("Email:PublicBaseUrl", PublicBaseUrl.ToString());
        // Suites that send thousands of API requests (isolation, fuzzing) are not rate limited;
        // Api/ApiRateLimitTests sets its own low limit.
        builder.UseSetting("Api:RateLimit:PermitLimit", "1000000");
        // One JSON line per request would flood the test run's output (the isolation and fuzzing
        // suites send thousands); warnings and errors still show. Suites that read the logs add
        // their own provider, which this filter does not touch.
        builder.UseSetting("Logging:Console:LogLevel:Default", "Warning");
    }
}
