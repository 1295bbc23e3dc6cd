using System.ComponentModel.DataAnnotations;

namespace RtesPlatform.Web.Infrastructure.Health;

/// <summary>Settings of the readiness checks (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// Age of the cluster's last heartbeat beyond which the job scheduler is reported degraded;
    /// unset: three heartbeat intervals (<c>Jobs:HeartbeatInterval</c>, one minute by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan? HeartbeatStaleAfter { get; set; }
}
