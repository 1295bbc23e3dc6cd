namespace RtesPlatform.Core.Features.Team;

/// <summary>The outcome of a change to the team.</summary>
public enum TeamChange
{
    Done,
    NotFound,
    /// <summary>Refused: the tenant would have no admin left.</summary>
    LastAdmin,
}
