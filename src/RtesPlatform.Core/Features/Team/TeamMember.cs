namespace RtesPlatform.Core.Features.Team;

/// <summary>One member of a tenant's team, as the team page lists them.</summary>
public sealed record TeamMember(Guid UserId, string? Name, string? Email, string Role);
