namespace RtesPlatform.Core.Features.Tenants;

/// <summary>Where a tenant comes from; stored as <c>tenants.origin</c>.</summary>
public enum TenantOrigin
{
    /// <summary>A collectivity of the official reference data (a member, or one being onboarded).</summary>
    Reference,

    /// <summary>
    /// A fictitious collectivity: the Development demo's "Données fictives de démonstration"
    /// members, or the load-testing network. Never created in Production; every page and export
    /// that shows one says so.
    /// </summary>
    Synthetic,
}
