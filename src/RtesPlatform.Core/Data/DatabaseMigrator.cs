using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Data;

/// <summary>
/// Applies the migrations, installs or upgrades the job storage's schema (<see cref="JobStorageSchema"/>)
/// and loads the reference data, connected as the schema owner. Used by the
/// <c>migrate</c> command (production) and by the run command before it serves.
/// </summary>
public sealed class DatabaseMigrator(IConfiguration configuration, ReferenceDataLoader referenceData, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.OwnerConnectionName)
            ?? configuration.GetConnectionString(DatabaseOptions.AppConnectionName)
            ?? throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings:{DatabaseOptions.OwnerConnectionName} (schema owner).");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await EnsureAppRoleExistsAsync(connection, cancellationToken);

        // A migration may rewrite a derived table (a refill of comparison_values over a large
        // network takes minutes): no command timeout, the migration's transaction bounds it.
        var options = new DbContextOptionsBuilder<RtesDbContext>().UseNpgsql(connection, o => o.CommandTimeout(0)).Options;
        await using (var db = new RtesDbContext(options, new TenantContext()))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        await JobStorageSchema.InstallAsync(connection, cancellationToken);
        await referenceData.LoadIfChangedAsync(connection, cancellationToken);
    }

    private static async Task EnsureAppRoleExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @r", connection);
        command.Parameters.AddWithValue("r", DatabaseOptions.AppRole);
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
        {
            throw new InvalidOperationException(
                $"The role '{DatabaseOptions.AppRole}' does not exist. Create it once per cluster, as a superuser: " +
                $"CREATE ROLE {DatabaseOptions.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS; (or NOLOGIN, granted to the " +
                "login roles of the application, which must be NOSUPERUSER NOBYPASSRLS). See README.md, Configuration.");
        }
    }
}
