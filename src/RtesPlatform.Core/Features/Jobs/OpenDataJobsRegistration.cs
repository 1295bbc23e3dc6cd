using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>The open-data export (nightly, and once at start on a fresh install) and the cluster heartbeat.</summary>
public static class OpenDataJobsRegistration
{
    public static void Add(IQuartzBuilder q, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(options);
        q.AddJob<OpenDataExportJob>(j => j.WithIdentity(OpenDataJobKeys.Export).StoreDurably().WithDescription(
            "Génère les fichiers de données ouvertes (CSV et JSON) servis en téléchargement"));
        q.AddTrigger(t => t
            .WithIdentity(OpenDataJobKeys.ExportNightly)
            .ForJob(OpenDataJobKeys.Export)
            .WithDescription("Chaque nuit")
            .WithCronSchedule(options.OpenDataExportCron, c => c.InTimeZone(ParisTime()).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        // Stored again by every node at start; the job does nothing when the files exist. Until
        // they do, the download endpoint streams live data, so a fresh install never answers 404.
        q.AddTrigger(t => t
            .WithIdentity(OpenDataJobKeys.ExportIfMissing)
            .ForJob(OpenDataJobKeys.Export)
            .WithDescription("Au démarrage, si aucun fichier n’a encore été généré")
            .StartNow());

        q.AddJob<HeartbeatJob>(j => j.WithIdentity(OpenDataJobKeys.Heartbeat).StoreDurably().WithDescription(
            "Pouls du planificateur : note chaque déclenchement et le serveur qui l’a exécuté"));
        q.AddTrigger(t => t
            .WithIdentity(OpenDataJobKeys.HeartbeatTrigger)
            .ForJob(OpenDataJobKeys.Heartbeat)
            .WithSimpleSchedule(s => s.WithInterval(options.HeartbeatInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }

    private static TimeZoneInfo ParisTime() => ParisCalendar.Zone;
}
