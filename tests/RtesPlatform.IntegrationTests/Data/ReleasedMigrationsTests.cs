using System.Security.Cryptography;
using RtesPlatform.IntegrationTests.Infrastructure;

namespace RtesPlatform.IntegrationTests.Data;

/// <summary>
/// Released migrations are frozen: a database that already ran one never runs it again, so editing it
/// in place makes that database and a new one differ. <c>released-migrations.txt</c> holds the SHA-256
/// of each migration file (line endings read as LF).
/// </summary>
public sealed class ReleasedMigrationsTests
{
    private const string ListName = "released-migrations.txt";

    private static string MigrationsFolder => Path.Combine(RepositoryPaths.Root, "src", "RtesPlatform.Core", "Data", "Migrations");

    private static string ListPath => Path.Combine(RepositoryPaths.Root, "tests", "RtesPlatform.IntegrationTests", "Data", ListName);

    [Fact]
    public void ReleasedMigrations_AreUnchanged()
    {
        var released = Released();

        var problems = released
            .Where(r => !File.Exists(Path.Combine(MigrationsFolder, r.Key)) || Sha256(Path.Combine(MigrationsFolder, r.Key)) != r.Value)
            .Select(r => File.Exists(Path.Combine(MigrationsFolder, r.Key))
                ? $"{r.Key} was edited after its release."
                : $"{r.Key} was deleted or renamed after its release.")
            .ToList();

        released.Count.ShouldBeGreaterThan(20);
        problems.ShouldBeEmpty(
            "Released migrations are frozen: databases that already ran them will not run them again. " +
            $"Restore them (git checkout main -- {Path.GetRelativePath(RepositoryPaths.Root, MigrationsFolder)}) and put the change " +
            "in a new migration: change the model, then `./rtes ef migrations add DescribeTheChange` " +
            "(raw SQL for policies, functions and triggers in migrationBuilder.Sql inside it).");
    }

    [Fact]
    public void EveryMigration_IsListedAsReleased()
    {
        var released = Released();

        var unlisted = MigrationFiles().Where(f => !released.ContainsKey(f)).ToList();

        unlisted.ShouldBeEmpty(
            $"A new migration must be added to tests/RtesPlatform.IntegrationTests/Data/{ListName} so that it is frozen once merged. " +
            "Add these lines (after regenerating it for the last time on your branch):\n" +
            string.Join('\n', unlisted.Select(f => $"{Sha256(Path.Combine(MigrationsFolder, f))}  {f}")));
    }

    [Fact]
    public void Sha256_OfAnEditedFile_Differs()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migration-{Guid.NewGuid():N}.cs");
        try
        {
            File.WriteAllText(path, "protected override void Up(MigrationBuilder m) {}\n");
            var original = Sha256(path);
            File.WriteAllText(path, "protected override void Up(MigrationBuilder m) {}\r\n");
            var crlf = Sha256(path);
            File.WriteAllText(path, "protected override void Up(MigrationBuilder m) { m.Sql(\"\"); }\n");

            crlf.ShouldBe(original, "A checkout with CRLF line endings is the same file.");
            Sha256(path).ShouldNotBe(original);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Migration files, their designer files included; not the snapshot, which every new migration changes.</summary>
    private static List<string> MigrationFiles() =>
        Directory.GetFiles(MigrationsFolder, "*.cs")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f != "RtesDbContextModelSnapshot.cs")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> Released() =>
        File.ReadAllLines(ListPath)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);

    private static string Sha256(string path)
    {
        // The bytes as sha256sum reads them, CRLF taken as LF (a Windows checkout is the same file).
        var bytes = File.ReadAllBytes(path);
        var lf = bytes.Where((b, i) => !(b == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(lf));
    }
}
