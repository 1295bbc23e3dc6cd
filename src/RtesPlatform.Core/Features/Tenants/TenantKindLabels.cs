namespace RtesPlatform.Core.Features.Tenants;

/// <summary>French labels of the kinds of collectivity, as the RTES site writes them.</summary>
public static class TenantKindLabels
{
    public static string French(TenantKind kind) => kind switch
    {
        TenantKind.Commune => "Commune",
        TenantKind.CommunauteDeCommunes => "Communauté de communes",
        TenantKind.CommunauteAgglomeration => "Communauté d'agglomération",
        TenantKind.CommunauteUrbaine => "Communauté urbaine",
        TenantKind.Metropole => "Métropole",
        TenantKind.EtablissementPublicTerritorial => "Établissement public territorial",
        TenantKind.Departement => "Département",
        TenantKind.Region => "Région",
        _ => "Autre collectivité",
    };

    /// <summary>The plural in lower case, as a sentence names a group: "communautés d’agglomération".</summary>
    public static string FrenchPlural(TenantKind kind) => kind switch
    {
        TenantKind.Commune => "communes",
        TenantKind.CommunauteDeCommunes => "communautés de communes",
        TenantKind.CommunauteAgglomeration => "communautés d’agglomération",
        TenantKind.CommunauteUrbaine => "communautés urbaines",
        TenantKind.Metropole => "métropoles",
        TenantKind.EtablissementPublicTerritorial => "établissements publics territoriaux",
        TenantKind.Departement => "départements",
        TenantKind.Region => "régions",
        _ => "autres collectivités",
    };

    /// <summary>Stable short code used in URLs and exports (e.g. "ca", "region").</summary>
    public static string Code(TenantKind kind) => kind switch
    {
        TenantKind.Commune => "commune",
        TenantKind.CommunauteDeCommunes => "cc",
        TenantKind.CommunauteAgglomeration => "ca",
        TenantKind.CommunauteUrbaine => "cu",
        TenantKind.Metropole => "metropole",
        TenantKind.EtablissementPublicTerritorial => "ept",
        TenantKind.Departement => "departement",
        TenantKind.Region => "region",
        _ => "autre",
    };

    public static TenantKind? FromCode(string? code) =>
        Enum.GetValues<TenantKind>().Cast<TenantKind?>().FirstOrDefault(k => Code(k!.Value) == code);
}
