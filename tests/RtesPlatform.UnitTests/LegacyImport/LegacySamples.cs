namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>
/// The seed exports. The test project does not copy them to its output, so they are found by
/// walking up from the test binaries: first the copies under LegacyImport/Samples (pinned with
/// these tests), else ../shared/seeds beside the repository (as on CI).
/// </summary>
internal static class LegacySamples
{
    public const string GrandEst = "rtes-fiches-grand-est.txt";
    public const string EstEnsemble = "est-ensemble-fiche.txt";

    public static string Path(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[]
            {
                System.IO.Path.Combine(dir.FullName, "LegacyImport", "Samples", fileName),
                System.IO.Path.Combine(dir.FullName, "tests", "RtesPlatform.UnitTests", "LegacyImport", "Samples", fileName),
                System.IO.Path.Combine(dir.FullName, "shared", "seeds", fileName),
            })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Seed file {fileName} not found above {AppContext.BaseDirectory}.");
    }

    public static string Text(string fileName) => File.ReadAllText(Path(fileName));

    public static byte[] Bytes(string fileName) => File.ReadAllBytes(Path(fileName));
}
