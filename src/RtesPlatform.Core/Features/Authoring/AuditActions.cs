namespace RtesPlatform.Core.Features.Authoring;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string DraftSaved = "draft.saved";
    public const string DraftRestored = "draft.restored";
    public const string FichePublished = "fiche.published";
}
