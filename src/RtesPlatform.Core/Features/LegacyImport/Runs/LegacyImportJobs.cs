using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Core.Features.LegacyImport.Runs;

/// <summary>The legacy import as a background job: its services, the job (one per run) and its sweep.</summary>
public static class LegacyImportJobs
{
    public static IServiceCollection AddLegacyImportJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportJobOptions>()
            .BindConfiguration(ImportJobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(ImportJobOptions.SectionName).Get<ImportJobOptions>() ?? new ImportJobOptions();
        services.AddScoped<LegacyImportRuns>();
        // Not exclusive: two runs may proceed at once (each fiche claims its place in its run, so
        // one run never advances twice).
        services.AddJobKind(LegacyImportJob.KindWith(options.RetryPolicy()));
        // A run stored without its job (crash between the two) or left with nothing to run it is
        // enqueued again by this sweep, at each node's start and then periodically.
        var sweep = services.AddJobKind(LegacyImportSweepJob.Kind);
        services.AddJobAtNodeStart<LegacyImportSweepJob>(sweep, j => j.RunAsync(CancellationToken.None));
        return services.AddRecurringJob<LegacyImportSweepJob>(LegacyImportSweepJob.RecurringId, sweep,
            JobSchedules.Every(options.OrphanSweepInterval), j => j.RunAsync(CancellationToken.None));
    }
}
