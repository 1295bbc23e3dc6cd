namespace RtesPlatform.Core.Features.Tenants;

/// <summary>
/// A member collectivity: the unit of isolation. Created from an official reference record
/// (SIREN or INSEE code), never typed by hand.
/// </summary>
public sealed class Tenant
{
    public Guid Id { get; init; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public TenantKind Kind { get; set; }
    /// <summary>SIREN (9 digits, Luhn key); null for départements and régions, whose data has none.</summary>
    public string? Siren { get; set; }
    /// <summary>INSEE code for communes, départements and régions.</summary>
    public string? InseeCode { get; set; }
    public int? Population { get; set; }
    /// <summary>Year of the official population figure (the reference data's vintage).</summary>
    public int? PopulationVintage { get; set; }
    public string? RegionCode { get; set; }
    public string? RegionName { get; set; }
    public string? DepartementCode { get; set; }
    public string? DepartementName { get; set; }
    public string? Address { get; set; }
    /// <summary>
    /// Who wrote <see cref="Address"/>: "import:file" when the legacy importer did (a later import
    /// may replace it), anything else (or null for an address already there) when a person did,
    /// in which case an import keeps it and reports the fiche's address as a difference.
    /// </summary>
    public string? AddressSetBy { get; set; }
    public int? MembershipYear { get; set; }
    public TenantStatus Status { get; set; } = TenantStatus.Active;
    /// <summary><see cref="TenantOrigin.Synthetic"/>: a fictitious demonstration member, labelled as such wherever it shows.</summary>
    public TenantOrigin Origin { get; set; } = TenantOrigin.Reference;
    /// <summary>Optional host name (e.g. "ess.agglo-larochelle.fr") that resolves to this tenant.</summary>
    public string? CustomHost { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Number of the <c>FicheVersion</c> the public sees; switching it is the atomic publish step.</summary>
    public int? PublishedVersion { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}
