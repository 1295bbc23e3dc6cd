using System.ComponentModel.DataAnnotations;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>Schedules of the aggregate jobs (section <c>Jobs</c>, as before the move to Hangfire).</summary>
public sealed class IndicatorJobOptions
{
    public const string SectionName = JobsOptions.SectionName;

    /// <summary>Delay between a publication and the refresh of the comparison aggregates (debounce).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan AggregateRefreshDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often every write queued in the database is drained, publication or not (safety net).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AggregateSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cron expression (Europe/Paris; five fields, or six with the seconds first) of the nightly full refresh.</summary>
    [Required]
    public string NightlyAggregatesCron { get; set; } = "30 2 * * *";
}
