namespace RtesPlatform.Core.Features.Accounts;

/// <summary>The role of a member of a tenant's team, stored as text in <c>tenant_memberships.role</c>.</summary>
public static class TenantRole
{
    /// <summary>Manages the team (invitations, roles) and edits the fiche.</summary>
    public const string Admin = "admin";

    /// <summary>Edits, previews and publishes the fiche.</summary>
    public const string Editor = "editor";

    public static bool IsValid(string? role) => role is Admin or Editor;
}
