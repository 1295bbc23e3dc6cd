using Npgsql;
using RtesPlatform.Core.Features.ReferenceData;
using RtesPlatform.Core.Features.Tenants;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// Which reference records become synthetic tenants. A record whose tenant exists already (same
/// SIREN, or same kind and INSEE code) is reused when an earlier run made it (it holds synthetic
/// values) and skipped otherwise, so real members and the demo network are never touched.
/// New tenants are filled as <see cref="TenantProvisioning"/> fills them, with unique slugs.
/// </summary>
internal static class SyntheticTenants
{
    public static async Task<(List<SyntheticTenant> Tenants, int Skipped)> PlanAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SyntheticNetworkScope scope, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(RefKind, string), string>();
        var records = new List<RefCollectivity>();
        await using (var command = new NpgsqlCommand("""
            SELECT kind, code, siren, name, display_name, group_type, population, region_code, departement_code, vintage
            FROM ref_collectivities
            ORDER BY population DESC NULLS LAST, kind, code
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var kind = Enum.Parse<RefKind>(reader.GetString(0), ignoreCase: true);
                if (kind is RefKind.Region or RefKind.Departement)
                {
                    names[(kind, reader.GetString(1))] = reader.GetString(3);
                    continue;
                }

                records.Add(new RefCollectivity
                {
                    Kind = kind,
                    Code = reader.GetString(1),
                    Siren = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Name = reader.GetString(3),
                    DisplayName = reader.GetString(4),
                    GroupType = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Population = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    RegionCode = reader.IsDBNull(7) ? null : reader.GetString(7),
                    DepartementCode = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Vintage = reader.GetInt32(9),
                });
            }
        }

        var bySiren = new Dictionary<string, (Guid Id, bool Synthetic)>(StringComparer.Ordinal);
        var byInsee = new Dictionary<(string, string), (Guid Id, bool Synthetic)>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var existing = new Dictionary<Guid, SyntheticTenant>();
        // A tenant made by an earlier run holds synthetic values (its first value is one: one index probe each).
        await using (var command = new NpgsqlCommand("""
            SELECT t.id, t.slug, t.name, t.kind, t.siren, t.insee_code, t.population, t.population_vintage,
                   t.region_code, t.region_name, t.departement_code, t.departement_name,
                   EXISTS (SELECT 1 FROM indicator_values v WHERE v.tenant_id = t.id AND v.origin = 'synthetic')
            FROM tenants t
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                var synthetic = reader.GetBoolean(12);
                slugs.Add(reader.GetString(1));
                var kind = TenantKindLabels.FromCode(reader.GetString(3)) ?? TenantKind.Other;
                var siren = reader.IsDBNull(4) ? null : reader.GetString(4);
                var insee = reader.IsDBNull(5) ? null : reader.GetString(5);
                if (siren is not null)
                {
                    bySiren[siren] = (id, synthetic);
                }

                if (insee is not null)
                {
                    byInsee[(TenantKindLabels.Code(kind), insee)] = (id, synthetic);
                }

                if (synthetic)
                {
                    existing[id] = new SyntheticTenant(
                        id, false, reader.GetString(1), reader.GetString(2), kind, siren, insee,
                        reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7),
                        reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                        reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11));
                }
            }
        }

        var tenants = new List<SyntheticTenant>();
        var skipped = 0;
        var seenSirens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (scope.MaxTenants is { } max && tenants.Count + skipped >= max)
            {
                break;
            }

            var kind = TenantProvisioning.KindOf(record);
            var insee = record.Kind == RefKind.Commune ? record.Code : null;
            if (record.Siren is { } s && !seenSirens.Add(s))
            {
                continue; // the same body listed twice (EPCI and EPT): the first record made it
            }

            var match = record.Siren is not null && bySiren.TryGetValue(record.Siren, out var bySirenMatch) ? bySirenMatch
                : insee is not null && byInsee.TryGetValue((TenantKindLabels.Code(kind), insee), out var byInseeMatch) ? byInseeMatch
                : ((Guid Id, bool Synthetic)?)null;
            if (match is { } found)
            {
                if (found.Synthetic && existing.TryGetValue(found.Id, out var reused))
                {
                    tenants.Add(reused);
                }
                else
                {
                    skipped++;
                }

                continue;
            }

            tenants.Add(new SyntheticTenant(
                Guid.CreateVersion7(), true, UniqueSlug(record, slugs), record.DisplayName, kind, record.Siren, insee,
                record.Population, record.Population is null ? null : record.Vintage,
                record.RegionCode, record.RegionCode is null ? null : names.GetValueOrDefault((RefKind.Region, record.RegionCode)),
                record.DepartementCode, record.DepartementCode is null ? null : names.GetValueOrDefault((RefKind.Departement, record.DepartementCode))));
        }

        // Values are written in primary-key order: appending to the index is much cheaper than scattering.
        tenants.Sort((a, b) => a.Id.CompareTo(b.Id));
        return (tenants, skipped);
    }

    /// <summary>The name's slug; for homonyms (many "Saint-Martin"), with the département, then the code.</summary>
    private static string UniqueSlug(RefCollectivity record, HashSet<string> taken)
    {
        string[] candidates =
        [
            Slug.From(record.DisplayName),
            Slug.From($"{record.DisplayName} {record.DepartementCode}"),
            Slug.From($"{record.DisplayName} {record.Code}"),
        ];
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 0 && taken.Add(candidate))
            {
                return candidate;
            }
        }

        for (var n = 2; ; n++)
        {
            var numbered = Slug.From($"{record.Code} {n}");
            if (taken.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
