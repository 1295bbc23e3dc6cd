using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.ReferenceData;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>Creates tenants from official reference records: a SIREN, or a kind and an INSEE code.</summary>
public sealed class TenantProvisioning(RtesDbContext db, TimeProvider clock)
{
    /// <summary>Finds the reference record for "241700434" (a SIREN), "commune:17300", "departement:08" or "region:44".</summary>
    public async Task<RefCollectivity?> FindReferenceAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var parts = identifier.Trim().Split(':', 2);
        if (parts.Length == 2)
        {
            // Enum.TryParse also accepts numbers ("1:…"): only a kind's name is an identifier.
            if (!Enum.TryParse<RefKind>(parts[0], ignoreCase: true, out var kind) || !parts[0].All(char.IsAsciiLetter))
            {
                return null;
            }

            var code = parts[1].Trim().ToUpperInvariant();
            return await db.RefCollectivities.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Kind == kind && r.Code == code, cancellationToken);
        }

        var siren = ReferenceLookup.Compact(parts[0]);
        if (!Siren.IsValid(siren))
        {
            return null;
        }

        // An EPCI or EPT before a commune: their SIREN is the code users know them by.
        var matches = await db.RefCollectivities.AsNoTracking()
            .Where(r => r.Siren == siren)
            .ToListAsync(cancellationToken);
        return matches.OrderBy(r => r.Kind == RefKind.Commune ? 1 : 0).FirstOrDefault();
    }

    public async Task<TenantProvisioningResult> CreateAsync(
        string identifier, int? membershipYear, string? slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        // SIRENs are printed in groups of three ("243 500 139").
        var trimmed = ReferenceLookup.Compact(identifier);
        if (!trimmed.Contains(':', StringComparison.Ordinal) && !Siren.IsValid(trimmed))
        {
            return TenantProvisioningResult.Fail(
                $"« {identifier.Trim()} » n'est pas un numéro SIREN correct (9 chiffres, dont le dernier se calcule à partir des autres : un chiffre est sans doute mal recopié). Pour une commune, un département ou une région, indiquez « commune:CODE », « departement:CODE » ou « region:CODE ».");
        }

        var reference = await FindReferenceAsync(trimmed, cancellationToken);
        if (reference is null)
        {
            return TenantProvisioningResult.Fail($"Aucune collectivité officielle ne correspond à « {trimmed} ».");
        }

        var siren = reference.Siren;
        var insee = reference.Kind is RefKind.Commune or RefKind.Departement or RefKind.Region ? reference.Code : null;
        var existing = await db.Tenants.FirstOrDefaultAsync(
            t => (siren != null && t.Siren == siren) || (insee != null && t.InseeCode == insee && t.Kind == KindOf(reference)),
            cancellationToken);
        if (existing is not null)
        {
            return TenantProvisioningResult.Existing(existing);
        }

        slug ??= Slug.From(reference.DisplayName);
        if (!Slug.IsValid(slug))
        {
            return TenantProvisioningResult.Fail($"« {slug} » n'est pas un identifiant d'URL valide (minuscules, chiffres et tirets).");
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            return TenantProvisioningResult.Fail($"L'identifiant d'URL « {slug} » est déjà pris.");
        }

        var regionName = reference.RegionCode is null ? null : await NameOfAsync(RefKind.Region, reference.RegionCode, cancellationToken);
        var departementName = reference.DepartementCode is null || reference.Kind == RefKind.Region
            ? null
            : await NameOfAsync(RefKind.Departement, reference.DepartementCode, cancellationToken);

        var tenant = new Tenant
        {
            Id = Guid.CreateVersion7(),
            Slug = slug,
            Name = reference.DisplayName,
            Kind = KindOf(reference),
            Siren = siren,
            InseeCode = insee,
            Population = reference.Population,
            PopulationVintage = reference.Population is null ? null : reference.Vintage,
            RegionCode = reference.RegionCode,
            RegionName = regionName,
            DepartementCode = reference.Kind == RefKind.Region ? null : reference.DepartementCode,
            DepartementName = departementName,
            MembershipYear = membershipYear,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        return TenantProvisioningResult.Created(tenant);
    }

    private async Task<string?> NameOfAsync(RefKind kind, string code, CancellationToken cancellationToken) =>
        await db.RefCollectivities.AsNoTracking()
            .Where(r => r.Kind == kind && r.Code == code)
            .Select(r => r.Name)
            .FirstOrDefaultAsync(cancellationToken);

    internal static TenantKind KindOf(RefCollectivity reference) => reference.Kind switch
    {
        RefKind.Commune => TenantKind.Commune,
        RefKind.Ept => TenantKind.EtablissementPublicTerritorial,
        RefKind.Departement => TenantKind.Departement,
        RefKind.Region => TenantKind.Region,
        _ => reference.GroupType switch
        {
            "CC" => TenantKind.CommunauteDeCommunes,
            "CA" => TenantKind.CommunauteAgglomeration,
            "CU" => TenantKind.CommunauteUrbaine,
            "METRO" or "MET69" => TenantKind.Metropole,
            _ => TenantKind.Other,
        },
    };
}
