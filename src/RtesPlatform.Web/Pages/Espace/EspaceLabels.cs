using RtesPlatform.Core.Features.Authoring;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Web.Pages.Espace;

/// <summary>French names of sections, units, natures and roles in the back office.</summary>
public static class EspaceLabels
{
    public static string Section(FicheSection section) => section switch
    {
        FicheSection.Panorama => "Panorama de l’ESS",
        FicheSection.Budget => "Budget et moyens",
        FicheSection.Programme => "Programme d’intervention",
        FicheSection.Actions => "Actions soutenues",
        FicheSection.Contacts => "Contacts",
        FicheSection.Sources => "Sources",
        _ => section.ToString(),
    };

    /// <summary>The section's page under <c>/espace/{slug}/</c>.</summary>
    public static string SectionPath(FicheSection section) => section.ToString().ToLowerInvariant();

    public static IReadOnlyList<KeyValuePair<string, string>> Units { get; } =
    [
        new(nameof(FigureUnit.Count), "nombre"),
        new(nameof(FigureUnit.Persons), "personnes"),
        new(nameof(FigureUnit.Euros), "euros"),
        new(nameof(FigureUnit.Percent), "pourcentage (%)"),
        new(nameof(FigureUnit.Fte), "équivalents temps plein (ETP)"),
        new(nameof(FigureUnit.Hours), "heures"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> Natures { get; } =
        [.. Enum.GetValues<BudgetNature>().Select(n => new KeyValuePair<string, string>(n.ToString(), FrenchFormat.BudgetNature(n)))];

    public static IReadOnlyList<KeyValuePair<string, string>> ContactConsents { get; } =
    [
        new(nameof(ContactConsent.Unknown), "à confirmer (non publié)"),
        new(nameof(ContactConsent.Given), "accord donné : coordonnées publiées"),
        new(nameof(ContactConsent.Refused), "refus : non publié"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> ContactRoles { get; } =
    [
        new(nameof(ContactRole.ElectedRepresentative), "élu·e représentant·e"),
        new(nameof(ContactRole.Officer), "agent de la collectivité"),
    ];

    public static IEnumerable<KeyValuePair<string, string>> SourceOptions(IEnumerable<Source> sources) =>
        sources.Select(s => new KeyValuePair<string, string>(s.Key, $"{s.Title} ({s.Key})"));
}
