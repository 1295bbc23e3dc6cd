using Hangfire.PostgreSql;
using Npgsql;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>Hangfire's connections come from the application's pool (same settings, same resilience defaults).</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
