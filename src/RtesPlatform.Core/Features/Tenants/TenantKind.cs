namespace RtesPlatform.Core.Features.Tenants;

public enum TenantKind
{
    Commune,
    CommunauteDeCommunes,
    CommunauteAgglomeration,
    CommunauteUrbaine,
    Metropole,
    EtablissementPublicTerritorial,
    Departement,
    Region,
    Other,
}
