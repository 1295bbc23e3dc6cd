using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Authoring;

/// <summary>
/// One line of a tenant's audit log: who did what, when, on which section or version. Append-only:
/// the application role may insert and read these rows, never update or delete them.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid TenantId { get; set; }
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }
    public FicheSection? Section { get; init; }
    /// <summary>The published version the action created or started from.</summary>
    public int? Version { get; init; }
    /// <summary>A small JSON object (e.g. the draft revision); never a whole fiche.</summary>
    public string? Details { get; init; }
}
