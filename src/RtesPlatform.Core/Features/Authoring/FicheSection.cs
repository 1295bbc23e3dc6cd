namespace RtesPlatform.Core.Features.Authoring;

/// <summary>The sections of a fiche that officers edit one at a time.</summary>
public enum FicheSection
{
    Panorama,
    Budget,
    Programme,
    Actions,
    Contacts,
    Sources,
}
