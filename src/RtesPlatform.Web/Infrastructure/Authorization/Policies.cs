namespace RtesPlatform.Web.Infrastructure.Authorization;

/// <summary>
/// Authorization policies. Every back-office page and endpoint names one; the tenant ones check
/// the user's membership of the tenant resolved from the URL (<c>/espace/{slug}</c>).
/// </summary>
public static class Policies
{
    /// <summary>RTES staff: the network console (<c>/reseau</c>); two-factor authentication required.</summary>
    public const string NetworkAdmin = "NetworkAdmin";

    /// <summary>An editor or admin of the tenant in the URL: edit, preview and publish the fiche.</summary>
    public const string TenantEditor = "TenantEditor";

    /// <summary>An admin of the tenant in the URL: manage the team (invitations, roles).</summary>
    public const string TenantAdmin = "TenantAdmin";
}
