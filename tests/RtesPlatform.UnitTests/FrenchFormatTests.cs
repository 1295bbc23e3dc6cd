using RtesPlatform.Core;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.UnitTests;

public sealed class FrenchFormatTests
{
    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    [Theory]
    [InlineData("2027-06-01T07:00:00Z", "1er juin 2027 à 9 h 00")]
    [InlineData("2027-01-01T08:05:00Z", "1er janvier 2027 à 9 h 05")]
    [InlineData("2027-03-28T00:59:00Z", "28 mars 2027 à 1 h 59")]
    [InlineData("2027-03-28T01:00:00Z", "28 mars 2027 à 3 h 00")]
    [InlineData("2027-10-31T00:59:00Z", "31 octobre 2027 à 2 h 59")]
    [InlineData("2027-10-31T01:00:00Z", "31 octobre 2027 à 2 h 00")]
    [InlineData("2026-12-31T23:30:00Z", "1er janvier 2027 à 0 h 30")]
    public void DateTime_IsParisTime_WithThe1er(string utc, string expected) =>
        Plain(FrenchFormat.DateTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(expected);

    [Fact]
    public void Date_TheParisDay_NotTheUtcOne() =>
        FrenchFormat.Date(new DateTimeOffset(2027, 5, 31, 22, 30, 0, TimeSpan.Zero)).ShouldBe("1er juin 2027");

    [Theory]
    [InlineData(0, "0 fiche publiée")]
    [InlineData(1, "1 fiche publiée")]
    [InlineData(2, "2 fiches publiées")]
    [InlineData(12345, "12 345 fiches publiées")]
    public void Plural_AgreesWithTheCount(int count, string expected) =>
        Plain(FrenchFormat.Plural(count, "fiche publiée", "fiches publiées")).ShouldBe(expected);

    [Fact]
    public void Numbers_AreFrench()
    {
        Plain(FrenchFormat.Number(483199)).ShouldBe("483 199");
        Plain(FrenchFormat.Euros(270000m)).ShouldBe("270 000 €");
        Plain(FrenchFormat.Figure(15m, FigureUnit.Percent)).ShouldBe("15 %");
        Plain(FrenchFormat.Figure(1.5m, FigureUnit.Persons)).ShouldBe("1,5 personne");
    }

    [Fact]
    public void FigureSeries_GroupsSameLabelAndUnit_LatestFirst()
    {
        KeyFigure F(string label, int year, FigureUnit unit = FigureUnit.Persons) => new() { Label = label, Value = year, Unit = unit, Year = year };

        var series = FigureSeries.Group([F("Salariés", 2021), F("Établissements", 2020), F(" salariés ", 2024), F("Salariés", 2022), F("Salariés", 2023, FigureUnit.Percent)]);

        series.Select(s => (s.Label.Trim(), s.Unit, s.Latest.Year, s.Earlier.Count)).ShouldBe(
            [("salariés", FigureUnit.Persons, 2024, 2), ("Établissements", FigureUnit.Persons, 2020, 0), ("Salariés", FigureUnit.Percent, 2023, 0)]);
        series[0].Earlier.Select(f => f.Year).ShouldBe([2022, 2021]);
    }
}
