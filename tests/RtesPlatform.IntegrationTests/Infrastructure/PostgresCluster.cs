using Npgsql;
using RtesPlatform.Core.Data;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test process: the one named by <c>RTES_TEST_POSTGRES</c> (a
/// superuser connection string), or a private cluster started on first use. Holds the roles
/// the application uses and a migrated template database that each test class copies.
/// </summary>
public sealed class PostgresCluster
{
    public const string ExternalServerVariable = "RTES_TEST_POSTGRES";
    public const string OwnerRole = "rtes_owner";
    public const string AppRole = DatabaseOptions.AppRole;

    // Roles are created with this password so that an external server that asks for one accepts them;
    // the private cluster trusts local connections and ignores it.
    private const string RolePassword = "rtes-test";

    private static readonly Lazy<Task<PostgresCluster>> _instance = new(() => Task.Run(StartAsync));

    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly Lazy<Task<string>> _template;

    private PostgresCluster(NpgsqlConnectionStringBuilder admin)
    {
        _admin = admin;
        _template = new(() => TemplateDatabase.CreateAsync(this));
    }

    public static Task<PostgresCluster> GetAsync() => _instance.Value;

    /// <summary>Name of the migrated template database (created and migrated once per process).</summary>
    public Task<string> GetTemplateAsync() => _template.Value;

    /// <summary>Superuser connection, unpooled: a pooled idle session would block CREATE DATABASE ... TEMPLATE.</summary>
    public string AdminConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = database, Pooling = false }.ConnectionString;

    public string ConnectionString(string database, string role, bool pooling) =>
        new NpgsqlConnectionStringBuilder(_admin.ConnectionString)
        {
            Database = database,
            Username = role,
            Password = RolePassword,
            Pooling = pooling,
        }.ConnectionString;

    public async Task ExecuteAdminAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        NpgsqlConnectionStringBuilder admin;
        if (Environment.GetEnvironmentVariable(ExternalServerVariable) is { Length: > 0 } external)
        {
            admin = new NpgsqlConnectionStringBuilder(external);
        }
        else
        {
            var server = LocalPostgresServer.Start();
            admin = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = server.Port,
                Username = "postgres",
            };
        }

        admin.Database = "postgres";
        admin.Pooling = false;
        admin.IncludeErrorDetail = true;
        var cluster = new PostgresCluster(admin);
        await cluster.CreateRoleAsync(OwnerRole, "LOGIN NOSUPERUSER CREATEDB");
        await cluster.CreateRoleAsync(AppRole, "LOGIN NOSUPERUSER NOBYPASSRLS");
        return cluster;
    }

    private async Task CreateRoleAsync(string role, string attributes)
    {
        try
        {
            await ExecuteAdminAsync($"CREATE ROLE {role} {attributes} PASSWORD '{RolePassword}'");
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Roles are cluster-wide: an external server keeps them from an earlier run (or a parallel one).
        }
    }
}
