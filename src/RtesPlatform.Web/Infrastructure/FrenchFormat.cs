using System.Globalization;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Infrastructure;

/// <summary>fr-FR formatting of figures: "8 049", "270 000 €", "15 %", "22 novembre 2026".</summary>
public static class FrenchFormat
{
    private static readonly CultureInfo _fr = WebSetup.French;

    public static string Number(decimal value) =>
        value == decimal.Truncate(value)
            ? value.ToString("N0", _fr)
            : value.ToString("#,##0.##", _fr);

    public static string Number(int value) => value.ToString("N0", _fr);

    /// <summary>"1 action", "12 actions", "1 234 actions".</summary>
    public static string Plural(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{Number(count)} {many}";

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
        FigureUnit.Hours => (Number(value), value > 1 ? "heures" : "heure"),
        FigureUnit.Persons => (Number(value), value > 1 ? "personnes" : "personne"),
        _ => (Number(value), null),
    };

    public static string Date(DateTimeOffset value) =>
        value.ToOffset(TimeSpan.Zero).ToString("d MMMM yyyy", _fr);

    public static string IsoDate(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string BudgetNature(BudgetNature nature) => nature switch
    {
        Core.Features.Fiches.BudgetNature.Fonctionnement => "Fonctionnement",
        Core.Features.Fiches.BudgetNature.Investissement => "Investissement",
        Core.Features.Fiches.BudgetNature.FondsSubventions => "Fonds et subventions",
        Core.Features.Fiches.BudgetNature.ConventionsPartenariat => "Conventions de partenariat",
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
