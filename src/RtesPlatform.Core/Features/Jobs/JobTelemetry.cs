using System.Diagnostics;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>One span per job run (<c>job {kind}</c>), with the job id, kind and tenant as tags.</summary>
public static class JobTelemetry
{
    public const string ActivitySourceName = "RtesPlatform.Jobs";

    internal static ActivitySource Source { get; } = new(ActivitySourceName);
}
