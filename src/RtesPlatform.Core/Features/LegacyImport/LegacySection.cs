namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>The content sections of a fiche; text before any heading belongs to the panorama.</summary>
public enum LegacySection
{
    Panorama,
    Budget,
    Programme,
    Actions,
    Contacts,
}
