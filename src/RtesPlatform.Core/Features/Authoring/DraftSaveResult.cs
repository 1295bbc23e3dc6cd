using RtesPlatform.Core.Features.Authoring.Rules;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// The outcome of saving a draft: saved; refused because the change breaks fiche rules
/// (<see cref="Errors"/>, nothing written); or refused because someone else saved since the editor
/// loaded it. <see cref="Draft"/> is then the draft as it is now (the version saved meanwhile).
/// </summary>
public sealed record DraftSaveResult(bool Saved, FicheDraft Draft)
{
    public IReadOnlyList<FicheRuleError> Errors { get; init; } = [];

    public bool IsInvalid => Errors.Count > 0;

    public bool IsConflict => !Saved && !IsInvalid;
}
