using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Fiches;

/// <summary>
/// An immutable published version of a fiche. The database grants the application no UPDATE or
/// DELETE on this table; the tenant's <c>published_version</c> points at the one the public sees.
/// </summary>
public sealed class FicheVersion : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int Number { get; init; }
    public required FicheContent Content { get; init; }
    /// <summary>Theme codes of the version's actions, kept as a column for directory filters.</summary>
    public string[] ThemeCodes { get; init; } = [];
    public DateTimeOffset PublishedAt { get; init; }
    public string? PublishedBy { get; init; }
}
