using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Tenancy;

/// <summary>
/// Carries the tenant of the unit of work into the PostgreSQL session as <c>app.tenant_id</c>,
/// and the signed-in user as <c>app.user_id</c>, which the row-level security policies read (one
/// statement, one round trip). Runs when EF Core opens a connection; a pooled
/// connection is reset (DISCARD ALL) by Npgsql when it returns to the pool, so the setting never
/// leaks into another request.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string SettingName = "app.tenant_id";
    public const string UserSettingName = "app.user_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = CreateCommand(connection, eventData);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = CreateCommand(connection, eventData);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand? CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (eventData.Context is not RtesDbContext db)
        {
            return null;
        }

        var (tenantId, userId) = (db.DatabaseTenantId, db.DatabaseUserId);
        if (tenantId is null && userId is null)
        {
            return null;
        }

        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false), set_config('{UserSettingName}', @user, false)";
        AddParameter(command, "tenant", tenantId?.ToString() ?? string.Empty);
        AddParameter(command, "user", userId?.ToString() ?? string.Empty);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
