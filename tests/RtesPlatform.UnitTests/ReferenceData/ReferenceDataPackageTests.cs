using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.UnitTests.ReferenceData;

public sealed class ReferenceDataPackageTests
{
    [Theory]
    [InlineData("Ardennes", 4, "des Ardennes")]
    [InlineData("Ain", 5, "de l'Ain")]
    [InlineData("Calvados", 2, "du Calvados")]
    [InlineData("Charente", 3, "de la Charente")]
    [InlineData("Paris", 0, "de Paris")]
    [InlineData("Eure-et-Loir", 1, "de l'Eure-et-Loir")]
    [InlineData("La Réunion", 0, "de La Réunion")]
    [InlineData("Meurthe-et-Moselle", null, "de Meurthe-et-Moselle")]
    public void Linked_InseeLinkType_UsesTheMatchingArticle(string name, int? linkType, string expected) =>
        ReferenceDataPackage.Linked(name, linkType).ShouldBe(expected);
}
