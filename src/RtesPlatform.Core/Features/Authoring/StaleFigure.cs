namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// A figure of the draft whose year is more than two years before the current year, and where it
/// is edited: <see cref="Link"/> is the page under <c>/espace/{slug}/</c> with the row's anchor
/// (<c>panorama#chiffre-3</c>, <c>budget#ligne-2</c>, <c>actions/0#resultat-1</c>).
/// </summary>
public sealed record StaleFigure(FicheSection Section, string Label, int Year, string Link);
