using Hangfire.PostgreSql;
using Npgsql;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Hangfire's tables, in the schema <c>hangfire</c>: installed or upgraded by the <c>migrate</c>
/// command as the schema owner (Hangfire.PostgreSql's own scripts, versioned in
/// <c>hangfire.schema</c>), then the application role gets only row rights on them.
/// </summary>
public static class JobStorageSchema
{
    public static async Task InstallAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        PostgreSqlObjectsInstaller.Install(connection, JobsSetup.SchemaName);
        var app = DatabaseOptions.AppRole;
        await using var command = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA {JobsSetup.SchemaName} TO {app};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {JobsSetup.SchemaName} TO {app};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {JobsSetup.SchemaName} TO {app};
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
