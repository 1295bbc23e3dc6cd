namespace RtesPlatform.Core.Features.Authoring;

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    public const string DraftSaved = "draft.saved";
    public const string DraftRestored = "draft.restored";
    public const string FichePublished = "fiche.published";
    public const string PublicationNoticeSent = "publication.notice_sent";
    public const string MemberInvited = "member.invited";
    public const string MemberRoleChanged = "member.role_changed";
    public const string MemberRemoved = "member.removed";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string IndicatorValueSaved = "indicator_value.saved";
    public const string IndicatorValueDeleted = "indicator_value.deleted";
    public const string ApiTokenCreated = "api_token.created";
    public const string ApiTokenRevoked = "api_token.revoked";

    /// <summary>The French label of an action code, as the journal shows it.</summary>
    public static string French(string action) => action switch
    {
        DraftSaved => "Brouillon enregistré",
        DraftRestored => "Version restaurée comme brouillon",
        FichePublished => "Fiche publiée",
        PublicationNoticeSent => "Avis de publication envoyé à un membre de l’équipe",
        MemberInvited => "Membre invité dans l’équipe",
        MemberRoleChanged => "Rôle d’un membre modifié",
        MemberRemoved => "Membre retiré de l’équipe",
        InvitationAccepted => "Invitation acceptée",
        InvitationRevoked => "Invitation annulée",
        IndicatorValueSaved => "Valeur d’indicateur enregistrée",
        IndicatorValueDeleted => "Valeur d’indicateur supprimée",
        ApiTokenCreated => "Jeton d’API créé",
        ApiTokenRevoked => "Jeton d’API révoqué",
        _ => "Autre action",
    };
}
