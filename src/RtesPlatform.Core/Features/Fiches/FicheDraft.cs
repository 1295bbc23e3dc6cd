using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Fiches;

/// <summary>The tenant's working copy of its fiche. Private to the tenant.</summary>
public sealed class FicheDraft : ITenantOwned
{
    public Guid TenantId { get; set; }
    public FicheContent Content { get; set; } = new();
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Who saved it last: a user, or "import:…" for the legacy importer (which may overwrite its own drafts only).</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>Incremented on every save; optimistic concurrency token.</summary>
    public int Revision { get; set; }
}
