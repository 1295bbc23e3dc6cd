using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.IntegrationTests.Infrastructure;

/// <summary>Small fiche contents whose narrative carries a marker the tests look for.</summary>
internal static class FicheSamples
{
    public static FicheContent WithMarker(string marker) => new()
    {
        Panorama = new PanoramaSection
        {
            Narrative = $"Fiche {marker}",
            Figures =
            [
                new KeyFigure { Label = "Salariés de l'ESS", Value = 1234, Unit = FigureUnit.Persons, Year = 2023, SourceKey = "insee" },
            ],
        },
        Actions =
        [
            new SupportedAction { Title = $"Action {marker}", Themes = ["tiers-lieux", "iae"] },
        ],
        Sources = [new Source { Key = "insee", Title = "INSEE Flores", Year = 2023 }],
    };
}
