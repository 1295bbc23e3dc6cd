using Microsoft.AspNetCore.Identity;

namespace RtesPlatform.Core.Features.Accounts;

/// <summary>A person who signs in: RTES staff or an officer of one or more member collectivities.</summary>
public sealed class RtesUser : IdentityUser<Guid>
{
    /// <summary>Name shown in the back office and the audit log ("Camille Martin").</summary>
    public string? DisplayName { get; set; }
}
