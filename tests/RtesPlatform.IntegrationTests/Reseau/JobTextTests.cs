using RtesPlatform.Web.Infrastructure.Jobs;

namespace RtesPlatform.IntegrationTests.Reseau;

/// <summary>Schedules as people say them, Paris times with "1er" (no host, no database).</summary>
public sealed class JobTextTests
{
    [Theory]
    [InlineData("30 2 * * *", "tous les jours à 2 h 30")]
    [InlineData("0 30 2 * * ?", "tous les jours à 2 h 30")]
    [InlineData("0 3 * * *", "tous les jours à 3 h 00")]
    [InlineData("* * * * *", "toutes les minutes")]
    [InlineData("*/5 * * * *", "toutes les 5 minutes")]
    [InlineData("*/2 * * * * *", "toutes les 2 secondes")]
    [InlineData("* * * * * *", "toutes les secondes")]
    [InlineData("0 8 * * MON", "tous les lundis à 8 h 00")]
    [InlineData("0 0 8 ? * MON", "tous les lundis à 8 h 00")]
    [InlineData("15 9 * * 0", "tous les dimanches à 9 h 15")]
    [InlineData("0 */6 * * *", "toutes les 6 heures")]
    [InlineData("0 6 1 * *", "le 1er de chaque mois à 6 h 00")]
    [InlineData("0 6 15 * *", "le 15 de chaque mois à 6 h 00")]
    [InlineData("0 6 * 1 *", "selon la planification « 0 6 * 1 * » (heure de Paris)")]
    public void Schedule_InWords(string cron, string words) =>
        JobText.Schedule(cron).Replace('\u00a0', ' ').ShouldBe(words);

    [Fact]
    public void When_ParisTime_FirstOfTheMonthAsFirst()
    {
        JobText.When(new DateTimeOffset(2027, 3, 1, 13, 5, 0, TimeSpan.Zero)).Replace('\u00a0', ' ').ShouldBe("1er mars 2027 à 14 h 05");
        JobText.When(new DateTimeOffset(2027, 7, 14, 0, 30, 0, TimeSpan.Zero)).Replace('\u00a0', ' ').ShouldBe("14 juillet 2027 à 2 h 30");
        JobText.When(null).ShouldBe("—");
    }
}
