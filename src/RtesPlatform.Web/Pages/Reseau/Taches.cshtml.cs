using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Quartz;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure;
using RtesPlatform.Web.Infrastructure.Authorization;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>
/// The background jobs of the whole cluster: schedules, next and previous firings, firings in
/// progress, the last runs with their outcome, and "run now" (a trigger stored in the clustered
/// store: whichever node is free runs it).
/// </summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class TachesModel(JobsOverview overview, ISchedulerFactory schedulers) : PageModel
{
    private const int RunsPerJob = 5;

    private static readonly TimeZoneInfo _paris = Core.ParisCalendar.Zone;

    [TempData]
    public string? Message { get; set; }

    public JobsOverview.Snapshot Snapshot { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Snapshot = await overview.LoadAsync(RunsPerJob, cancellationToken);

    public async Task<IActionResult> OnPostRunAsync(string name, string group, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new JobKey(name ?? string.Empty, group ?? string.Empty);
        var job = await scheduler.GetJobDetail(key, cancellationToken);
        if (job is null || !CanRunNow(key.Name))
        {
            return NotFound();
        }

        await scheduler.TriggerJob(key, new JobDataMap(), cancellationToken);
        Message = $"La tâche « {job.Description ?? name} » a été lancée : un serveur la démarre dans quelques secondes.";
        return RedirectToPage();
    }

    /// <summary>
    /// Jobs that need their own data (an import needs its uploaded file) start from their page,
    /// not from here.
    /// </summary>
    public static bool CanRunNow(string jobName) => jobName != ImportJobKeys.LegacyImport.Name;

    /// <summary>"22 novembre 2026 à 03:00:00", Paris time.</summary>
    public static string When(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, _paris).ToString("d MMMM yyyy 'à' HH:mm:ss", WebSetup.French) : "—";

    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => $"{Math.Round(duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\u00a0ms",
        < 120 => $"{duration.TotalSeconds.ToString("N1", WebSetup.French)}\u00a0s",
        _ => $"{((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)}\u00a0min {duration.Seconds.ToString(CultureInfo.InvariantCulture)}\u00a0s",
    };

    public static string Schedule(JobsOverview.Trigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return (trigger.CronExpression, trigger.RepeatInterval) switch
        {
            ({ } cron, _) => $"planification cron « {cron} » (heure de Paris)",
            (_, { } interval) when interval == TimeSpan.FromMinutes(1) => "chaque minute",
            (_, { } interval) when interval.TotalSeconds % 60 == 0 => $"toutes les {(int)interval.TotalMinutes}\u00a0min",
            (_, { } interval) => $"toutes les {interval.TotalSeconds.ToString(WebSetup.French)}\u00a0s",
            _ => "une seule fois",
        };
    }

    public static string State(string state) => state switch
    {
        "WAITING" => "en attente",
        "ACQUIRED" => "sur le point de se déclencher",
        "EXECUTING" => "en cours",
        "PAUSED" or "PAUSED_BLOCKED" => "suspendu",
        "BLOCKED" => "attend la fin de l’exécution en cours",
        "COMPLETE" => "terminé",
        "ERROR" => "en erreur",
        _ => state.ToLowerInvariant(),
    };

    public static string Outcome(JobsOverview.Outcome outcome) => outcome switch
    {
        JobsOverview.Outcome.Succeeded => "réussi",
        JobsOverview.Outcome.RetryScheduled => "nouvel essai prévu",
        _ => "échec",
    };
}
