using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.OpenData;

/// <summary>The open-data generation: nightly, and at each node's start if no file exists yet.</summary>
public static class OpenDataJobs
{
    public static IServiceCollection AddOpenDataJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OpenDataJobOptions>()
            .BindConfiguration(OpenDataJobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(OpenDataJobOptions.SectionName).Get<OpenDataJobOptions>() ?? new OpenDataJobOptions();
        var kind = services.AddJobKind(OpenDataExportJob.Kind);
        services.AddRecurringJob<OpenDataExportJob>(OpenDataExportJob.NightlyId, kind, options.OpenDataExportCron,
            j => j.RunAsync(false, null, CancellationToken.None));
        // Until the files exist the download endpoint streams live data: a fresh install never answers 404.
        return services.AddJobAtNodeStart<OpenDataExportJob>(kind, j => j.RunAsync(true, null, CancellationToken.None));
    }
}
