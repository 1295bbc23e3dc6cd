using RtesPlatform.Core.Features.Demo;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.UnitTests.Fiches;

public sealed class DemoNetworkTests
{
    private static readonly DemoNetwork _network = DemoNetwork.Load();

    public static TheoryData<string> Slugs => [.. _network.Tenants.Select(t => t.Slug)];

    [Fact]
    public void Load_EmbeddedResource_GivesTheSevenDemoTenants()
    {
        _network.Tenants.Count.ShouldBe(7);
        _network.Tenants.Select(t => t.Slug).ShouldBeUnique();
        _network.Tenants.Select(t => t.Identifier).ShouldBeUnique();
        _network.Tenants.Select(t => t.Identifier).ShouldContain("241700434");
        _network.Tenants.Select(t => t.Identifier).ShouldContain("region:44");
        _network.Tenants.Select(t => t.Identifier).ShouldContain("departement:08");
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void SerializeThenDeserialize_DemoFiche_GivesTheSameJson(string slug)
    {
        var content = Fiche(slug);
        var json = FicheJson.Serialize(content);

        var roundTripped = FicheJson.Deserialize(json);

        FicheJson.Serialize(roundTripped).ShouldBe(json);
        roundTripped.Sources.Count.ShouldBe(content.Sources.Count);
        roundTripped.Panorama.Figures.Count.ShouldBe(content.Panorama.Figures.Count);
        roundTripped.Actions.Count.ShouldBe(content.Actions.Count);
    }

    [Fact]
    public void DemoNetwork_EveryFigure_HasAPlausibleYear()
    {
        var years = _network.Tenants.SelectMany(t => Years(t.Content).Select(year => (t.Slug, Year: year))).ToList();

        years.Count.ShouldBeGreaterThan(20);
        years.Where(y => y.Year is < 1990 or > 2030).ShouldBeEmpty();
    }

    [Fact]
    public void DemoNetwork_EverySourceKey_ResolvesToASourceOfTheSameFiche()
    {
        var references = _network.Tenants
            .SelectMany(t => SourceKeys(t.Content).Select(key => (t.Slug, Key: key)))
            .ToList();
        var unresolved = references
            .Where(r => !Fiche(r.Slug).Sources.Any(s => s.Key == r.Key))
            .ToList();

        references.Count.ShouldBeGreaterThan(20);
        unresolved.ShouldBeEmpty();
        _network.Tenants.ShouldAllBe(t => t.Content.Sources.Select(s => s.Key).Distinct().Count() == t.Content.Sources.Count);
    }

    private static IEnumerable<int> Years(FicheContent content) =>
        content.Panorama.Figures.Select(f => f.Year)
            .Concat(content.Budget.Lines.Select(l => l.Year))
            .Concat(content.Budget.Staff is { } staff ? [staff.Year] : [])
            .Concat(content.Actions.SelectMany(a => a.Results).Select(r => r.Year));

    private static IEnumerable<string> SourceKeys(FicheContent content) =>
        content.Panorama.Figures.Select(f => f.SourceKey)
            .Concat(content.Budget.Lines.Select(l => l.SourceKey))
            .Append(content.Budget.Staff?.SourceKey)
            .Concat(content.Actions.Select(a => a.SourceKey))
            .Concat(content.Actions.SelectMany(a => a.Results).Select(r => r.SourceKey))
            .OfType<string>();

    private static FicheContent Fiche(string slug) => _network.Tenants.Single(t => t.Slug == slug).Content;
}
