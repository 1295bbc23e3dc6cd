namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>
/// One broken rule of a fiche: the JSON path of the field in the fiche content
/// (<c>panorama.figures[0].label</c>, <c>contacts[2].name</c>), where it is in words
/// ("contact 3") and the French message an officer can act on.
/// </summary>
public sealed record FicheRuleError(string Path, string Where, string Message);
