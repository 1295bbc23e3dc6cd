namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>What a line of the legacy export is, judged on the line alone.</summary>
internal enum LegacyLineKind
{
    Text,
    SiteHeader,
    InProgress,
    MembershipYear,
    TypeLabel,
    PopulationLabel,
    AddressLabel,
    RegionLabel,
    ContactHeading,
    Panorama,
    Budget,
    Programme,
    Actions,
}
