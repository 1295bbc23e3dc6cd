using System.Globalization;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core;

/// <summary>
/// French typography for everything shown or mailed to a person: fr-FR numbers ("8 049",
/// "270 000 €", "15 %"), plurals by count (never "(s)"), dates in Paris time with "1er" for the
/// first day of a month ("1er juin 2027", "1er juin 2027 à 9 h 00").
/// </summary>
public static class FrenchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("N0", Culture)
            : value.ToString("#,##0.##", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>"1 action", "12 actions", "1 234 actions" (0 takes the singular in French: "0 action").</summary>
    public static string Plural(int count, string one, string many) =>
        $"{Number(count)} {Word(count, one, many)}";

    public static string Plural(long count, string one, string many) =>
        $"{Number(count)} {(count is 0 or 1 ? one : many)}";

    /// <summary>The word alone, agreeing with <paramref name="count"/>: "visée" / "visées".</summary>
    public static string Word(int count, string one, string many) => count is 0 or 1 or -1 ? one : many;

    public static string Euros(decimal value) => Number(value) + "\u00a0€";

    public static string Figure(decimal value, FigureUnit unit) =>
        FigureParts(value, unit) is (var number, { } word) ? number + "\u00a0" + word : FigureParts(value, unit).Number;

    /// <summary>
    /// The number with its symbol ("270 000 €", "15 %") and, apart, a unit written as a word
    /// ("personnes", "ETP"), which key figures set smaller so that long values fit their card.
    /// </summary>
    public static (string Number, string? Word) FigureParts(decimal value, FigureUnit unit) => unit switch
    {
        FigureUnit.Euros => (Euros(value), null),
        FigureUnit.Percent => (Number(value) + "\u00a0%", null),
        FigureUnit.Fte => (Number(value), "ETP"),
        FigureUnit.Hours => (Number(value), value >= 2 ? "heures" : "heure"),
        FigureUnit.Persons => (Number(value), value >= 2 ? "personnes" : "personne"),
        _ => (Number(value), null),
    };

    /// <summary>"1er juin 2027", "22 novembre 2026".</summary>
    public static string Date(DateOnly date) =>
        DayMonth(date) + date.ToString(" yyyy", Culture);

    /// <summary>"1er juin", "22 novembre" (the year said elsewhere).</summary>
    public static string DayMonth(DateOnly date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture)) + date.ToString(" MMMM", Culture);

    /// <summary>The day of an instant in Paris: "1er juin 2027".</summary>
    public static string Date(DateTimeOffset value) => Date(ParisCalendar.DateOf(value));

    /// <summary>An instant in Paris time: "1er juin 2027 à 9 h 00" (write "le " before it in a sentence).</summary>
    public static string DateTime(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, ParisCalendar.Zone);
        return $"{Date(DateOnly.FromDateTime(local.DateTime))} à {Time(local)}";
    }

    /// <summary>"9 h 00", "14 h 30" (Paris time).</summary>
    public static string Time(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, ParisCalendar.Zone);
        return local.ToString("H'\u00a0h\u00a0'mm", CultureInfo.InvariantCulture);
    }

    public static string IsoDate(DateTimeOffset value) =>
        ParisCalendar.DateOf(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant for a <c>&lt;time datetime&gt;</c> attribute: ISO 8601 with the Paris offset.</summary>
    public static string IsoDateTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, ParisCalendar.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>"2011", "2011 à 2012" (a range of years, for "données de 2011 à 2012").</summary>
    public static string Years(int first, int last) =>
        first == last
            ? first.ToString(CultureInfo.InvariantCulture)
            : $"{first.ToString(CultureInfo.InvariantCulture)} à {last.ToString(CultureInfo.InvariantCulture)}";

    public static string BudgetNature(BudgetNature nature) => nature switch
    {
        Features.Fiches.BudgetNature.Fonctionnement => "Fonctionnement",
        Features.Fiches.BudgetNature.Investissement => "Investissement",
        Features.Fiches.BudgetNature.FondsSubventions => "Fonds et subventions",
        Features.Fiches.BudgetNature.ConventionsPartenariat => "Conventions de partenariat",
        _ => "Autre",
    };

    public static string Period(int? start, int? end) => (start, end) switch
    {
        ({ } s, { } e) when s == e => s.ToString(CultureInfo.InvariantCulture),
        ({ } s, { } e) => $"{s.ToString(CultureInfo.InvariantCulture)}-{e.ToString(CultureInfo.InvariantCulture)}",
        ({ } s, null) => "depuis " + s.ToString(CultureInfo.InvariantCulture),
        (null, { } e) => "jusqu'en " + e.ToString(CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
