using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Network;

/// <summary>
/// Population living on the territory of at least one active member. Territories overlap (a
/// région contains its départements and intercommunalités), so summing members' populations
/// would count people several times: this takes the union of the communes they cover.
/// </summary>
public static class NetworkCoverage
{
    public static async Task<long> CoveredPopulationAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Database.SqlQuery<long>($"""
            WITH members AS (SELECT * FROM tenants WHERE status = 'active'),
            covered AS (
                SELECT unnest(r.member_codes) AS code
                FROM members t JOIN ref_collectivities r ON r.kind IN ('epci', 'ept') AND r.code = t.siren
                UNION
                SELECT c.code
                FROM members t JOIN ref_collectivities c ON c.kind = 'commune'
                 AND ((t.kind = 'commune' AND c.code = t.insee_code)
                   OR (t.kind = 'departement' AND c.departement_code = t.insee_code)
                   OR (t.kind = 'region' AND c.region_code = t.insee_code))
            )
            SELECT coalesce(sum(c.population), 0)::bigint AS "Value"
            FROM ref_collectivities c JOIN covered USING (code)
            WHERE c.kind = 'commune'
            """).SingleAsync(cancellationToken);
    }
}
