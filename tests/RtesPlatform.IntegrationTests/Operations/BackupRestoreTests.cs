using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RtesPlatform.Core;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Exports;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RtesPlatform.IntegrationTests.Operations;

/// <summary>
/// The documented backup procedure, end to end: the demo network in a database, its open data
/// exported, deploy/backup/backup.sh, a new PostgreSQL cluster, deploy/backup/restore.sh into it
/// (with the migrate command as a no-op check), the application started on the restored
/// database, and the open data exported again: byte for byte the same, nothing excluded.
/// </summary>
public sealed class BackupRestoreTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>, IDisposable
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";
    private const string RestoredDatabase = "rtes";
    private static readonly DateTimeOffset _exportDate = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("rtes-backup-").FullName;

    [Fact]
    public async Task DumpRestoredIntoANewCluster_ServesByteIdenticalOpenData()
    {
        await using (var scope = database.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        Dictionary<string, byte[]> servedBefore;
        await using (var source = await AppProcess.StartAsync(database))
        {
            await WaitForGeneratedFilesAsync(database.AdminConnectionString);
            servedBefore = await DownloadAllAsync(source);
        }

        var liveBefore = await ExportLiveAsync(database.AppConnectionString);
        liveBefore["collectivites.csv"].Length.ShouldBeGreaterThan(1000, "the demo network is in the export");

        var admin = new NpgsqlConnectionStringBuilder(database.AdminConnectionString);
        var archive = Path.Combine(_folder, "rtes.dump");
        Script("backup.sh", admin.Host!, admin.Port, admin.Username!, admin.Password, ["-o", archive, database.Name]);
        new FileInfo(archive).Length.ShouldBeGreaterThan(0);

        var server = LocalPostgresServer.Start("restore");
        try
        {
            var restoredAdmin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = server.Port, Username = "postgres", Pooling = false };
            await ExecuteAsync(restoredAdmin.ConnectionString, $"""
                CREATE ROLE {PostgresCluster.OwnerRole} LOGIN NOSUPERUSER;
                CREATE ROLE {PostgresCluster.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS;
                """);
            var appConnection = Connection(server.Port, PostgresCluster.AppRole, pooling: true);
            var ownerConnection = Connection(server.Port, PostgresCluster.OwnerRole, pooling: false);
            var migrate = $"dotnet '{WebDll}' migrate";
            Script("restore.sh", "127.0.0.1", server.Port, "postgres", null, ["-d", RestoredDatabase, "-c", migrate, archive], new()
            {
                ["ConnectionStrings__" + DatabaseOptions.AppConnectionName] = appConnection,
                ["ConnectionStrings__" + DatabaseOptions.OwnerConnectionName] = ownerConnection,
                ["ReferenceData__PackagePath"] = RepositoryPaths.ReferenceDataPackage,
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            });

            restoredAdmin.Database = RestoredDatabase;
            (await RowCountsAsync(restoredAdmin.ConnectionString)).ShouldBe(await RowCountsAsync(database.AdminConnectionString));

            // The data itself, exported anew from each database by the application's writer
            // (as the application role, so row-level security is restored too).
            var liveAfter = await ExportLiveAsync(appConnection);
            Compare(liveBefore, liveAfter, "live export");

            await using var restored = await AppProcess.StartAsync(appConnection, ownerConnection);
            Compare(servedBefore, await DownloadAllAsync(restored), "files served by the application");
        }
        finally
        {
            server.Stop();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string WebDll
    {
        get
        {
            var configuration = typeof(BackupRestoreTests).Assembly.Location.Contains(
                $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Web", "bin", configuration, "net10.0", "RtesPlatform.Web.dll");
        }
    }

    private static string Connection(int port, string role, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = RestoredDatabase,
        Username = role,
        Pooling = pooling,
    }.ConnectionString;

    private void Compare(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after, string what)
    {
        after.Keys.Order().ShouldBe(before.Keys.Order(), what);
        foreach (var (name, bytes) in before)
        {
            output.WriteLine($"{what}: {name} {bytes.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
            after[name].SequenceEqual(bytes).ShouldBeTrue($"{what}: {name} differs after the restore");
        }
    }

    private static async Task<Dictionary<string, byte[]>> DownloadAllAsync(AppProcess app)
    {
        using var client = app.CreateClient();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in FileNames())
        {
            using var response = await client.GetAsync(new Uri($"donnees-ouvertes/{name}", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            response.Headers.ETag.ShouldNotBeNull($"{name} is the generated file, not a live stream");
            files[name] = await response.Content.ReadAsByteArrayAsync();
        }

        return files;
    }

    private static async Task<Dictionary<string, byte[]>> ExportLiveAsync(string appConnectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseOptions.AppConnectionName}"] = appConnectionString,
            ["ReferenceData:PackagePath"] = RepositoryPaths.ReferenceDataPackage,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddRtesCore(configuration).BuildServiceProvider();
        var writer = services.GetRequiredService<OpenDataWriter>();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (set, format) in OpenDataExporter.Files)
        {
            using var file = new MemoryStream();
            await writer.WriteAsync(set, ExportFormat.Find(format)!, file, _exportDate, CancellationToken.None);
            files[$"{set.Name}.{format}"] = file.ToArray();
        }

        return files;
    }

    private static IEnumerable<string> FileNames() => OpenDataExporter.Files.Select(f => $"{f.Set.Name}.{f.Format}");

    /// <summary>The start of the application triggers the first generation of the files: wait for all of them.</summary>
    private static async Task WaitForGeneratedFilesAsync(string adminConnectionString)
    {
        var expected = FileNames().Count();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM open_data_files", connection);
            if ((long)(await command.ExecuteScalarAsync())! == expected)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The open-data files were not generated within 60 s.");
    }

    /// <summary>Exact row count of every table of the database (superuser: row-level security does not apply).</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(string adminConnectionString)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        counts.Count.ShouldBeGreaterThan(20);
        return counts;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private void Script(string name, string host, int port, string user, string? password, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "backup", name));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PGHOST"] = host;
        startInfo.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["PGUSER"] = user;
        startInfo.Environment.Remove("PGPASSWORD");
        if (password is not null)
        {
            startInfo.Environment["PGPASSWORD"] = password;
        }

        startInfo.Environment["PG_BIN"] = PostgresBin;
        foreach (var (key, value) in environment ?? [])
        {
            startInfo.Environment[key] = value;
        }

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output.WriteLine($"$ {name} {string.Join(' ', arguments)}{Environment.NewLine}{standardOutput}{error.Result}");
        process.ExitCode.ShouldBe(0, $"{name} failed:{Environment.NewLine}{error.Result}");
    }
}
