using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>The identity block of a fiche, read from the label values the builder collected.</summary>
internal sealed record LegacyIdentity(
    TenantKind? Kind,
    string? KindText,
    int? Population,
    string? PopulationText,
    int? MembershipYear,
    string? Address,
    string? Region)
{
    public static LegacyIdentity Read(LegacyFicheBuilder builder, List<string> warnings)
    {
        var typeText = builder.TypeLines.FirstOrDefault()?.Text;
        var fromType = typeText is null ? null : LegacyCollectivityName.KindFromType(typeText);
        var fromName = builder.Name is null ? null : LegacyCollectivityName.KindFromName(builder.Name.Text);
        if (typeText is not null && fromType is null)
        {
            warnings.Add($"Type de collectivité « {typeText} » non reconnu.");
        }
        else if (fromType is { } declared && fromName is { } named && declared != named)
        {
            warnings.Add($"Le type déclaré « {typeText} » ne correspond pas au nom « {builder.Name!.Text} » "
                + $"({TenantKindLabels.French(named)}) : le type déclaré est gardé, à vérifier au rapprochement.");
        }

        var populationText = builder.PopulationLines.FirstOrDefault()?.Text;
        var population = populationText is null ? null : FrenchNumbers.Population(populationText);
        if (populationText is not null && population is null)
        {
            warnings.Add($"Nombre d'habitants illisible : « {populationText} ».");
        }

        var membership = builder.MembershipText is null ? null : FrenchNumbers.FirstYear(builder.MembershipText);
        if (builder.MembershipText is not null && membership is null)
        {
            warnings.Add($"Année d'adhésion illisible : « {builder.MembershipText} ».");
        }

        var address = builder.AddressLines.Count == 0 ? null : string.Join('\n', builder.AddressLines.Select(l => l.Text));
        return new LegacyIdentity(
            fromType ?? fromName, typeText, population, populationText, membership, address,
            builder.RegionLines.FirstOrDefault()?.Text);
    }
}
