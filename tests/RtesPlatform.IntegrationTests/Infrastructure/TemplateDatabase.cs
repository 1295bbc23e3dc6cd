using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The database every test database is copied from: migrated once per process with the
/// application's own <see cref="DatabaseMigrator"/>, reference data included.
/// </summary>
internal static class TemplateDatabase
{
    public static async Task<string> CreateAsync(PostgresCluster cluster)
    {
        var name = "rtes_template_" + Guid.NewGuid().ToString("N")[..12];
        await cluster.ExecuteAdminAsync($"CREATE DATABASE {name} OWNER {PostgresCluster.OwnerRole}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(cluster, name);

        var configuration = Configuration(cluster, name);
        await using (var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddRtesCore(configuration).BuildServiceProvider())
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        // Nobody may connect to the template any more: CREATE DATABASE ... TEMPLATE fails while anyone is.
        await cluster.ExecuteAdminAsync($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false");
        return name;
    }

    /// <summary>The settings the application reads, pointed at one database of the cluster.</summary>
    public static IConfiguration Configuration(PostgresCluster cluster, string database, bool pooling = false) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{DatabaseOptions.AppConnectionName}"] =
                    cluster.ConnectionString(database, PostgresCluster.AppRole, pooling),
                [$"ConnectionStrings:{DatabaseOptions.OwnerConnectionName}"] =
                    cluster.ConnectionString(database, PostgresCluster.OwnerRole, pooling: false),
                ["ReferenceData:PackagePath"] = RepositoryPaths.ReferenceDataPackage,
            })
            .Build();

    private static void Drop(PostgresCluster cluster, string name)
    {
        // Only matters on an external server: the private cluster is deleted as a whole.
        if (Environment.GetEnvironmentVariable(PostgresCluster.ExternalServerVariable) is not { Length: > 0 })
        {
            return;
        }

        try
        {
            cluster.ExecuteAdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (Npgsql.NpgsqlException)
        {
            // Best effort at process exit.
        }
    }
}
