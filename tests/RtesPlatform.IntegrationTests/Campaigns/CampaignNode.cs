using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core;
using RtesPlatform.Core.Features.Campaigns;
using RtesPlatform.Core.Features.Email;
using RtesPlatform.Core.Features.Tenants;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Campaigns;

/// <summary>
/// One "node": the application's core services over the test database (its own connection pool),
/// with a fake clock and a capturing mail transport. Two nodes on one database race like two
/// instances of the application.
/// </summary>
public sealed class CampaignNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CampaignNode(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static async Task<CampaignNode> CreateAsync(TestDatabase database, FakeClock clock, CapturingTransport transport)
    {
        var baseConfiguration = TemplateDatabase.Configuration(await PostgresCluster.GetAsync(), database.Name, pooling: true);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(baseConfiguration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Email:RetryDelay"] = "00:00:00.001", ["Email:Attempts"] = "2" })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddRtesCore(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IMailTransport>(transport);
        return new CampaignNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public async Task<Campaign> OpenAsync(string title, DateOnly deadline, DateOnly staleBefore)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignOpener>()
            .OpenAsync(title, "Merci de **mettre à jour** votre fiche.", deadline, staleBefore, openedBy: null, CancellationToken.None);
    }

    /// <summary>What the daily <c>campaign-reminders</c> job does.</summary>
    public async Task<CampaignRunResult> RunRemindersAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CampaignReminderSender>().RunAsync(CancellationToken.None);
    }

    /// <summary>What the weekly <c>weekly-digest</c> job does.</summary>
    public async Task<CampaignRunResult> RunDigestAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklyDigest>().RunAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>A confirmed user with that address (superuser insert: these tests have no Identity services).</summary>
    public static async Task<Guid> CreateUserAsync(TestDatabase database, string email, string? role = null)
    {
        var id = Guid.NewGuid();
        await database.ExecuteAsAdminAsync("""
            INSERT INTO asp_net_users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                security_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            VALUES (@id, @email, upper(@email), @email, upper(@email), true, 'stamp', false, false, true, 0)
            """, ("id", id), ("email", email));
        if (role is not null)
        {
            await database.ExecuteAsAdminAsync("""
                INSERT INTO asp_net_roles (id, name, normalized_name) SELECT gen_random_uuid(), @role, upper(@role)
                WHERE NOT EXISTS (SELECT 1 FROM asp_net_roles WHERE normalized_name = upper(@role));
                INSERT INTO asp_net_user_roles (user_id, role_id) SELECT @id, r.id FROM asp_net_roles r WHERE r.normalized_name = upper(@role);
                """, ("id", id), ("role", role));
        }

        return id;
    }

    public static Task AddMemberAsync(TestDatabase database, Tenant tenant, Guid userId, string role) =>
        database.ExecuteAsAdminAsync(
            "INSERT INTO tenant_memberships (tenant_id, user_id, role, created_at) VALUES (@tenant, @user, @role, now())",
            ("tenant", tenant.Id), ("user", userId), ("role", role));

    public static Task SetPublishedAtAsync(TestDatabase database, Tenant tenant, DateTimeOffset? at) =>
        database.ExecuteAsAdminAsync("UPDATE tenants SET published_at = @at WHERE id = @id",
            ("at", (object?)at ?? DBNull.Value), ("id", tenant.Id));

    public static Task SetFiguresAtAsync(TestDatabase database, Tenant tenant, DateTimeOffset at) =>
        database.ExecuteAsAdminAsync("""
            INSERT INTO indicator_values (tenant_id, indicator_code, year, value, visibility, origin, updated_at)
            VALUES (@tenant, 'ess_employees', 2028, 1200, 'private', 'manual', @at)
            ON CONFLICT (tenant_id, indicator_code, year) DO UPDATE SET updated_at = excluded.updated_at
            """, ("tenant", tenant.Id), ("at", at));
}
