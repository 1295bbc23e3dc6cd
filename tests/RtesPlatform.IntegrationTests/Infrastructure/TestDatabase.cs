using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh migrated database per test class (an xunit class fixture), copied from the template and
/// dropped afterwards. The application reaches it as <c>rtes_app</c>, like in production; the
/// superuser connection is only for setting up and checking what the database holds.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly Lazy<ServiceProvider> _services;
    private PostgresCluster? _cluster;

    public TestDatabase() => _services = new(CreateServices);

    public string Name { get; } = "rtes_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The application role (LOGIN NOSUPERUSER NOBYPASSRLS, not owner), pooled like the app.</summary>
    public string AppConnectionString => Cluster.ConnectionString(Name, PostgresCluster.AppRole, pooling: true);

    /// <summary>The schema owner, as the migrate command uses it.</summary>
    public string OwnerConnectionString => Cluster.ConnectionString(Name, PostgresCluster.OwnerRole, pooling: false);

    /// <summary>Superuser: bypasses row-level security, so it sees what the database really holds.</summary>
    public string AdminConnectionString => Cluster.AdminConnectionString(Name);

    /// <summary>Services of this fixture (one data source, like the app); disposed with the fixture.</summary>
    public IServiceProvider Services => _services.Value;

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The test database is not initialised.");

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.GetAsync();
        var template = await _cluster.GetTemplateAsync();
        await _cluster.ExecuteAdminAsync($"CREATE DATABASE {Name} TEMPLATE {template} OWNER {PostgresCluster.OwnerRole}");
    }

    public async Task DisposeAsync()
    {
        if (_services.IsValueCreated)
        {
            await _services.Value.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.ExecuteAdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }

    /// <summary>The application's core services over this database; the caller disposes them.</summary>
    public ServiceProvider CreateServices()
    {
        var configuration = TemplateDatabase.Configuration(Cluster, Name, pooling: true);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddRtesCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Creates a tenant from an official identifier, with a unique slug; fails if it already exists.</summary>
    public async Task<Tenant> CreateTenantAsync(string identifier)
    {
        await using var scope = Services.CreateAsyncScope();
        var slug = $"{Slug.From(identifier)}-{Guid.NewGuid().ToString("N")[..6]}";
        var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>()
            .CreateAsync(identifier, membershipYear: null, slug, CancellationToken.None);
        if (result is not { Tenant: { } tenant, WasCreated: true })
        {
            throw new InvalidOperationException(
                $"Test tenant {identifier} was not created ({result.Error ?? "it already exists in this database"}): give each test its own identifiers.");
        }

        return tenant;
    }

    public Task RunAsTenantAsync(Tenant tenant, Func<RtesDbContext, Task> action) =>
        RunInScopeAsync(c => c.UseForTenantAccess(TenantInfo.From(tenant)), sp => action(sp.GetRequiredService<RtesDbContext>()));

    public Task RunAsPublicReadAsync(Tenant tenant, Func<RtesDbContext, Task> action) =>
        RunInScopeAsync(c => c.UseForPublicRead(TenantInfo.From(tenant)), sp => action(sp.GetRequiredService<RtesDbContext>()));

    public Task RunWithoutTenantAsync(Func<RtesDbContext, Task> action) =>
        RunInScopeAsync(_ => { }, sp => action(sp.GetRequiredService<RtesDbContext>()));

    /// <summary>Saves the tenant's draft (creating it if needed) and publishes it, as the back office does.</summary>
    public async Task<FicheVersion> SaveAndPublishAsync(Tenant tenant, FicheContent content)
    {
        FicheVersion? version = null;
        await RunInScopeAsync(c => c.UseForTenantAccess(TenantInfo.From(tenant)), async sp =>
        {
            var db = sp.GetRequiredService<RtesDbContext>();
            var draft = await db.FicheDrafts.FindAsync(tenant.Id);
            if (draft is null)
            {
                db.FicheDrafts.Add(new FicheDraft { Content = content, UpdatedAt = DateTimeOffset.UtcNow, Revision = 1 });
            }
            else
            {
                draft.Content = content;
                draft.Revision++;
            }

            await db.SaveChangesAsync();
            version = await sp.GetRequiredService<FichePublisher>().PublishDraftAsync("test", null, CancellationToken.None);
        });
        return version!;
    }

    /// <summary>Runs a query as the superuser (row-level security does not apply): what the database holds.</summary>
    public Task<T> QueryAsAdminAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        ScalarAsync<T>(AdminConnectionString, sql, parameters);

    public Task ExecuteAsAdminAsync(string sql, params (string Name, object Value)[] parameters) =>
        ScalarAsync<object?>(AdminConnectionString, sql, parameters);

    /// <summary>Runs a query as the application role with no tenant in the session.</summary>
    public Task<T> QueryAsAppAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        ScalarAsync<T>(Cluster.ConnectionString(Name, PostgresCluster.AppRole, pooling: false), sql, parameters);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task RunInScopeAsync(Action<TenantContext> setTenant, Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        setTenant(scope.ServiceProvider.GetRequiredService<TenantContext>());
        await action(scope.ServiceProvider);
    }
}
