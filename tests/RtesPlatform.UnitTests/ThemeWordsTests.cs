using RtesPlatform.Core.Features.Fiches;
using RtesPlatform.Core.Features.Search;

namespace RtesPlatform.UnitTests;

public sealed class ThemeWordsTests
{
    private static readonly Theme[] _themes =
    [
        new() { Code = "commande-publique", LabelFr = "Commande publique", LabelEn = "Public procurement", SortOrder = 1 },
        new() { Code = "iae", LabelFr = "Insertion par l’activité économique", LabelEn = "Work integration", SortOrder = 2 },
    ];

    [Theory]
    [InlineData("commande publique", "commande-publique")]
    [InlineData("Commande  Publique", "commande-publique")]
    [InlineData("commande-publique", "commande-publique")]
    [InlineData("insertion par l'activite economique", "iae")]
    [InlineData("activité économique", "iae")]
    [InlineData("clauses sociales", null)]
    [InlineData("", null)]
    [InlineData("ia", null)]
    [InlineData(null, null)]
    public void Named_FindsTheThemeASearchNames_IgnoringCaseAccentsAndPunctuation(string? query, string? expected) =>
        (ThemeWords.Named(_themes, query)?.Code).ShouldBe(expected);
}
