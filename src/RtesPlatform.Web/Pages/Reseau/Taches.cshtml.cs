using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.Jobs;
using RtesPlatform.Web.Infrastructure.Authorization;
using RtesPlatform.Web.Infrastructure.Jobs;

namespace RtesPlatform.Web.Pages.Reseau;

/// <summary>
/// The background jobs of the whole cluster, for people: each job by its French name, its
/// schedules in words, the runs in progress with their progress, the last runs and failures, the
/// nodes ("nœud 1", "nœud 2") with their last sign of life, and "Lancer maintenant" (an occurrence
/// of the job's recurring schedule, run by whichever node is free). Read through Hangfire's
/// monitoring API; the dashboard (<see cref="JobsDashboardSetup.Path"/>) has the details.
/// </summary>
[Authorize(Policy = Policies.NetworkAdmin)]
public sealed class TachesModel(JobsOverview overview, JobCatalogue catalogue, IRecurringJobManager recurringJobs) : PageModel
{
    private const int RunsPerJob = 5;

    [TempData]
    public string? Message { get; set; }

    public JobsOverview.Snapshot Snapshot { get; private set; } = new([], [], 0);

    public void OnGet() => Snapshot = overview.Load(RunsPerJob);

    /// <summary>The progress of the runs in progress, for <c>/js/jobs-progress.js</c>.</summary>
    public IActionResult OnGetEtat() => new JsonResult(overview.Load(0).Jobs.SelectMany(j => j.Running).Select(r => new
    {
        id = r.JobId,
        percent = r.Percent,
        message = r.ProgressMessage,
    }));

    public IActionResult OnPostRun(string? key)
    {
        if (catalogue.Find(key ?? string.Empty) is not { CanRunNow: true } kind
            || catalogue.Recurring.FirstOrDefault(r => r.Kind == kind) is not { } recurring)
        {
            return NotFound();
        }

        recurringJobs.Trigger(recurring.Id);
        Message = $"La tâche « {kind.Name} » a été lancée : un nœud libre la démarre dans l’instant.";
        return RedirectToPage();
    }

    public static string Outcome(JobsOverview.Outcome outcome) => outcome switch
    {
        JobsOverview.Outcome.Succeeded => "réussie",
        JobsOverview.Outcome.RetryScheduled => "échec, nouvel essai prévu",
        _ => "échec",
    };
}
