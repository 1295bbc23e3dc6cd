using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Core.Features.Team;

/// <summary>Configuration section <c>Team</c>.</summary>
public sealed class TeamOptions
{
    public const string SectionName = "Team";

    /// <summary>How long an invitation link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
