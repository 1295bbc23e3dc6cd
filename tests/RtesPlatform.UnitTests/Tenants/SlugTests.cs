using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.UnitTests.Tenants;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Communauté d'agglomération de La Rochelle", "communaute-d-agglomeration-de-la-rochelle")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Cœur d’Ostrevent", "coeur-d-ostrevent")]
    [InlineData("  Région Grand Est  ", "region-grand-est")]
    [InlineData("--Est -- Ensemble--", "est-ensemble")]
    [InlineData("Département des Ardennes", "departement-des-ardennes")]
    public void From_FrenchName_GivesLowercaseAsciiHyphenated(string name, string expected) =>
        Slug.From(name).ShouldBe(expected);

    [Fact]
    public void From_LongName_IsCutToMaxLengthWithoutTrailingHyphen()
    {
        var name = string.Concat(Enumerable.Repeat("Vallée ", 30));

        var slug = Slug.From(name);

        slug.Length.ShouldBeLessThanOrEqualTo(Slug.MaxLength);
        slug.ShouldStartWith("vallee-vallee-");
        slug.ShouldNotEndWith("-");
    }

    [Theory]
    [InlineData("ca-la-rochelle", true)]
    [InlineData("CA-La-Rochelle", false)]
    [InlineData("ca--la-rochelle", false)]
    [InlineData("-ca", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_Slug_AcceptsOnlyNormalisedForm(string? slug, bool expected) =>
        Slug.IsValid(slug).ShouldBe(expected);
}
