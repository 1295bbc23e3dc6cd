using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Tenancy;

/// <summary>
/// Carries the tenant of the unit of work into the PostgreSQL session as <c>app.tenant_id</c>,
/// which the row-level security policies read. Runs when EF Core opens a connection; a pooled
/// connection is reset (DISCARD ALL) by Npgsql when it returns to the pool, so the setting never
/// leaks into another request.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string SettingName = "app.tenant_id";

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
        if (eventData.Context is not RtesDbContext { DatabaseTenantId: { } tenantId })
        {
            return null;
        }

        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenantId.ToString();
        command.Parameters.Add(parameter);
        return command;
    }
}
