using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>Units as a French reader expects them in a spreadsheet: "€", "personnes", "€ par habitant".</summary>
public static class ExportUnits
{
    public static string French(FigureUnit unit) => unit switch
    {
        FigureUnit.Euros => "€",
        FigureUnit.Persons => "personnes",
        FigureUnit.Percent => "%",
        FigureUnit.Fte => "ETP",
        FigureUnit.Hours => "heures",
        _ => "nombre",
    };

    /// <summary>The unit of a value divided by the population: "€ par habitant", "personnes pour 10 000 habitants".</summary>
    public static string French(FigureUnit unit, int? perCapitaBase) => perCapitaBase switch
    {
        null => French(unit),
        1 => French(unit) + " par habitant",
        { } b => French(unit) + " pour " + FrenchFormat.Number(b) + "\u00a0habitants",
    };

    /// <summary>The unit as stored in the catalogue ("Euros", "Persons"), in French; unknown text is returned as is.</summary>
    public static string French(string storedUnit) =>
        Enum.TryParse<FigureUnit>(storedUnit, ignoreCase: false, out var unit) && Enum.IsDefined(unit) ? French(unit) : storedUnit;
}
