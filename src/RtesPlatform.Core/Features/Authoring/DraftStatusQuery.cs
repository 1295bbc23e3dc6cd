using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>Reads the tenant's draft and the version it publishes, and compares them (<see cref="DraftStatus"/>).</summary>
public sealed class DraftStatusQuery(RtesDbContext db, TenantContext tenantContext, DraftEditor editor)
{
    public async Task<DraftStatus> GetAsync(CancellationToken cancellationToken)
    {
        var draft = await editor.GetAsync(cancellationToken);
        var number = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantContext.TenantId)
            .Select(t => t.PublishedVersion)
            .SingleAsync(cancellationToken);
        var published = number is { } n
            ? await db.FicheVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == n, cancellationToken)
            : null;
        return DraftStatus.Compare(draft, published);
    }
}
