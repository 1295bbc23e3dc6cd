namespace RtesPlatform.BrowserTests.Infrastructure;

/// <summary>The repository the tests run from, found by walking up to RtesPlatform.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> _path = new(Find);

    public static string Path => _path.Value;

    /// <summary>artifacts/screenshots at the repository root (git-ignored), created if needed.</summary>
    public static string ScreenshotsFolder() =>
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "artifacts", "screenshots")).FullName;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RtesPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"RtesPlatform.sln was not found in {AppContext.BaseDirectory} or any of its parents.");
    }
}
