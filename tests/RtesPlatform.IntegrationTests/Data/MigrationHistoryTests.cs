using Microsoft.EntityFrameworkCore;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Data;

/// <summary>The readiness check asks, as the application role, whether migrations are pending.</summary>
public sealed class MigrationHistoryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task GetPendingMigrations_AsAppRole_ReturnsNone()
    {
        IEnumerable<string>? pending = null;

        await database.RunWithoutTenantAsync(async db => pending = await db.Database.GetPendingMigrationsAsync());

        pending.ShouldNotBeNull().ShouldBeEmpty();
    }
}
