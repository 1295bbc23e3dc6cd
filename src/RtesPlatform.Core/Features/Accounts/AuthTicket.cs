namespace RtesPlatform.Core.Features.Accounts;

/// <summary>
/// A signed-in session held on the server (table <c>auth_tickets</c>): the session cookie carries
/// only the key, so deleting the row ends the session on every instance, whatever copy of the
/// cookie is replayed. Global (a session is a person's, not a tenant's): no row-level security.
/// </summary>
public sealed class AuthTicket
{
    /// <summary>SHA-256 of the key the cookie carries (hex): the table alone cannot be turned into cookies.</summary>
    public required string Id { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The serialized authentication ticket, protected with the Data Protection key ring.</summary>
    public required byte[] Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
