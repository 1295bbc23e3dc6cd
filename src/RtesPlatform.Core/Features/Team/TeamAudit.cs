using System.Text.Json;
using RtesPlatform.Core.Features.Authoring;

namespace RtesPlatform.Core.Features.Team;

/// <summary>Audit events of the team: who changed whom, with a small JSON object of details.</summary>
internal static class TeamAudit
{
    public static AuditEvent Event(string action, AuthoringUser by, DateTimeOffset at, object details) => new()
    {
        At = at,
        UserId = by.Id,
        UserName = by.Label,
        Action = action,
        Details = JsonSerializer.Serialize(details),
    };
}
