using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RtesPlatform.Core.Features.LegacyImport.Runs;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The legacy import as a background job: its services (<see cref="AddImportRuns"/>) and its job (<see cref="AddImportJobs"/>).</summary>
public static class ImportJobsRegistration
{
    public static IServiceCollection AddImportRuns(this IServiceCollection services)
    {
        services.AddOptions<ImportJobOptions>()
            .BindConfiguration(ImportJobOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<LegacyImportRuns>();
        return services;
    }

    /// <summary>Called from <see cref="JobsSetup.AddRtesJobs"/>.</summary>
    public static IQuartzBuilder AddImportJobs(this IQuartzBuilder q, ImportJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(options);
        // A run stored without its trigger (crash between the two) or interrupted with nothing left
        // to fire it is scheduled again by this sweep, on every node, at start and then periodically.
        q.AddJob<LegacyImportSweepJob>(j => j
            .WithIdentity(ImportJobKeys.OrphanSweep)
            .StoreDurably()
            .WithDescription("Relance les imports en attente que rien ne déclencherait (après un arrêt brutal du serveur)"));
        q.AddTrigger(t => t
            .WithIdentity(ImportJobKeys.OrphanSweep.Name, JobKeys.Group)
            .ForJob(ImportJobKeys.OrphanSweep)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.OrphanSweepInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)));
        // Durable: it has no trigger of its own, each run schedules a one-off trigger. Recoverable:
        // a firing on a node that dies is fired again by the cluster, and the run resumes at the
        // fiche where it stopped. Not [DisallowConcurrentExecution]: two runs may proceed at once
        // (each fiche claims its place in its run, so one run never advances twice).
        q.AddJob<LegacyImportJob>(j => j
            .WithIdentity(ImportJobKeys.LegacyImport)
            .StoreDurably()
            .RequestRecovery()
            .WithDescription("Importe un fichier de fiches de l'ancien site déposé dans la console du réseau"));
        return q;
    }
}
