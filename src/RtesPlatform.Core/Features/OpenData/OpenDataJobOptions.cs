using System.ComponentModel.DataAnnotations;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>Schedule of the open-data generation (section <c>Jobs</c>).</summary>
public sealed class OpenDataJobOptions
{
    public const string SectionName = JobsOptions.SectionName;

    /// <summary>Cron expression (Europe/Paris; five fields, or six with the seconds first) of the nightly generation.</summary>
    [Required]
    public string OpenDataExportCron { get; set; } = "0 3 * * *";
}
