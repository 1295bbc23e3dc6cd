namespace RtesPlatform.BrowserTests.Infrastructure;

/// <summary>
/// All browser tests share one served site and one Chromium: they only read the demo network,
/// and running them one after the other keeps a single browser busy instead of several.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<DemoSiteFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
