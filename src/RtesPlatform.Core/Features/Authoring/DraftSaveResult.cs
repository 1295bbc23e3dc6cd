using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// The outcome of saving a draft: saved, or refused because someone else saved since the editor
/// loaded it. <see cref="Draft"/> is then the draft as it is now (the version saved meanwhile).
/// </summary>
public sealed record DraftSaveResult(bool Saved, FicheDraft Draft)
{
    public bool IsConflict => !Saved;
}
