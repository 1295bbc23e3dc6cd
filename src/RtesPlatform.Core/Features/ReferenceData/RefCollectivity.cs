namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>
/// An official administrative division from <c>@etalab/decoupage-administratif</c>: the records
/// tenants are created from. Read-only for the application.
/// </summary>
public sealed class RefCollectivity
{
    public RefKind Kind { get; init; }
    /// <summary>SIREN for EPCI and EPT; INSEE code for communes, départements and régions.</summary>
    public required string Code { get; init; }
    public string? Siren { get; init; }
    public required string Name { get; init; }
    /// <summary>Name a tenant made from this record takes: "Département des Ardennes", "Région Grand Est".</summary>
    public required string DisplayName { get; init; }
    /// <summary>For EPCI and EPT: CC, CA, CU, METRO, MET69 or EPT.</summary>
    public string? GroupType { get; init; }
    public int? Population { get; init; }
    public string? RegionCode { get; init; }
    public string? DepartementCode { get; init; }
    public string[] PostalCodes { get; init; } = [];
    /// <summary>For EPCI and EPT: INSEE codes of the member communes (for population coverage without double counting).</summary>
    public string[] MemberCodes { get; init; } = [];
    public int Vintage { get; init; }
}
