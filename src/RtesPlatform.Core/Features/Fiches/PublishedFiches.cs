using Microsoft.EntityFrameworkCore;
using RtesPlatform.Core.Data;

namespace RtesPlatform.Core.Features.Fiches;

/// <summary>
/// Published fiches as the public reads them. Reads go through row-level security without a
/// tenant in the session, so the database itself lets only the version a live tenant currently
/// publishes through; older versions stay the tenant's history (a contact may have withdrawn
/// consent since). Contacts that did not consent to publication are removed.
/// </summary>
public sealed class PublishedFiches(RtesDbContext db)
{
    /// <summary>The version the tenant publishes now, or null when it has published nothing.</summary>
    public async Task<FicheVersion?> CurrentAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var number = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => t.PublishedVersion)
            .SingleOrDefaultAsync(cancellationToken);
        return number is { } n ? await VersionAsync(tenantId, n, cancellationToken) : null;
    }

    /// <summary>One version by number, when the public may read it (the current one), or null.</summary>
    public async Task<FicheVersion?> VersionAsync(Guid tenantId, int number, CancellationToken cancellationToken)
    {
        // Published versions of live tenants are public: read across tenants on purpose; the
        // database policy still answers only for the current version.
        var version = await db.FicheVersions.AsNoTracking().IgnoreQueryFilters([RtesDbContext.TenantFilter])
            .Where(v => v.TenantId == tenantId && v.Number == number)
            .Where(v => db.Tenants.Any(t => t.Id == v.TenantId && t.Status == Tenants.TenantStatus.Active && t.PublishedVersion == v.Number))
            .SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : WithoutPrivateContacts(version);
    }

    /// <summary>The version with only the contacts that consented to publication.</summary>
    public static FicheVersion WithoutPrivateContacts(FicheVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new FicheVersion
        {
            TenantId = version.TenantId,
            Number = version.Number,
            Content = version.Content with { Contacts = [.. version.Content.Contacts.Where(c => c.MayBePublished)] },
            ThemeCodes = version.ThemeCodes,
            PublishedAt = version.PublishedAt,
            PublishedBy = version.PublishedBy,
        };
    }
}
