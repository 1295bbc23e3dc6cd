using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Tenants;

/// <summary>The régions that hold at least one active member, in French alphabetical order: the région choices of the comparison pages.</summary>
public static class MemberRegions
{
    public static async Task<IReadOnlyList<(string Code, string Label)>> ActiveAsync(RtesDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await db.Tenants.AsNoTracking()
            .Where(t => t.Status == TenantStatus.Active && t.RegionCode != null && t.RegionName != null)
            .Select(t => new { t.RegionCode, t.RegionName })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. regions.OrderBy(r => r.RegionName, StringComparer.Create(FrenchFormat.Culture, false)).Select(r => (r.RegionCode!, r.RegionName!))];
    }
}
