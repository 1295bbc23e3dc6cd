using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// What the network console's jobs page shows, read through Hangfire's monitoring API (so it covers
/// every node): for each declared kind of job its recurring schedules (next and last occurrence),
/// the runs in progress with the progress they report, the last runs (succeeded, failed, retry
/// scheduled) and the failures kept; and the live nodes, numbered by start (no host names).
/// </summary>
public sealed class JobsOverview(JobStorage storage, JobCatalogue catalogue)
{
    /// <summary>How many of the latest succeeded and failed jobs are read to find each kind's last runs.</summary>
    private const int Window = 500;

    public enum Outcome
    {
        Succeeded,
        Failed,
        RetryScheduled,
    }

    public sealed record Schedule(string Id, string Cron, DateTimeOffset? Next, DateTimeOffset? Last, string? Error);

    public sealed record Run(string JobId, DateTimeOffset At, TimeSpan? Duration, Outcome Outcome, string? Error);

    public sealed record Running(string JobId, JobKind? Kind, DateTimeOffset? StartedAt, int? Node, int? Percent, string? ProgressMessage);

    public sealed record Node(int Number, DateTimeOffset StartedAt, DateTimeOffset? LastCheckin, int Workers);

    public sealed record Job(JobKind Kind, IReadOnlyList<Schedule> Schedules, IReadOnlyList<Running> Running, IReadOnlyList<Run> LastRuns, int Waiting);

    public sealed record Snapshot(IReadOnlyList<Job> Jobs, IReadOnlyList<Node> Nodes, int FailedCount);

    public Snapshot Load(int runsPerJob)
    {
        var monitoring = storage.GetMonitoringApi();
        var servers = monitoring.Servers().OrderBy(s => s.StartedAt).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var nodeOf = servers.Select((s, i) => (s.Name, Number: i + 1)).ToDictionary(s => s.Name, s => s.Number, StringComparer.Ordinal);
        var nodes = servers.Select((s, i) => new Node(i + 1, Utc(s.StartedAt), Utc(s.Heartbeat), s.WorkersCount)).ToList();

        var running = monitoring.ProcessingJobs(0, 100).Select(p =>
        {
            var properties = monitoring.JobDetails(p.Key)?.Properties;
            var progress = JobProgress.Parse(properties is not null && properties.TryGetValue(JobProgress.Parameter, out var value) ? value : null);
            return new Running(p.Key, catalogue.KindOf(p.Value.Job), Utc(p.Value.StartedAt),
                p.Value.ServerId is { } server && nodeOf.TryGetValue(server, out var n) ? n : null, progress?.Percent, progress?.Message);
        }).ToList();

        var runs = new List<(JobKind Kind, Run Run)>();
        foreach (var (id, job) in monitoring.SucceededJobs(0, Window))
        {
            if (catalogue.KindOf(job.Job) is { } kind && job.SucceededAt is { } at)
            {
                runs.Add((kind, new Run(id, Utc(at), job.TotalDuration is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Outcome.Succeeded, null)));
            }
        }

        foreach (var (id, job) in monitoring.FailedJobs(0, Window))
        {
            if (catalogue.KindOf(job.Job) is { } kind && job.FailedAt is { } at)
            {
                runs.Add((kind, new Run(id, Utc(at), null, Outcome.Failed, job.ExceptionMessage ?? job.Reason)));
            }
        }

        var waiting = new Dictionary<JobKind, int>();
        foreach (var (id, job) in monitoring.ScheduledJobs(0, Window))
        {
            if (catalogue.KindOf(job.Job) is not { } kind)
            {
                continue;
            }

            // A retry after a failure: Hangfire's retry filter gives the error in the state's reason.
            var state = monitoring.JobDetails(id)?.History?.FirstOrDefault();
            if (state is { Reason: { } reason } && state.StateName == ScheduledState.StateName && reason.StartsWith("Retry attempt", StringComparison.Ordinal))
            {
                var error = reason.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? reason[(colon + 1)..].Trim() : reason;
                runs.Add((kind, new Run(id, Utc(state.CreatedAt), null, Outcome.RetryScheduled, error)));
            }
            else
            {
                waiting[kind] = waiting.GetValueOrDefault(kind) + 1;
            }
        }

        foreach (var queue in monitoring.Queues())
        {
            foreach (var (_, job) in monitoring.EnqueuedJobs(queue.Name, 0, Window))
            {
                if (catalogue.KindOf(job.Job) is { } kind)
                {
                    waiting[kind] = waiting.GetValueOrDefault(kind) + 1;
                }
            }
        }

        List<RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
        {
            recurring = connection.GetRecurringJobs();
        }

        var jobs = catalogue.Kinds.Select(kind => new Job(
            kind,
            [.. catalogue.Recurring.Where(d => d.Kind == kind).Select(d =>
            {
                var stored = recurring.FirstOrDefault(r => r.Id == d.Id);
                return new Schedule(d.Id, stored?.Cron ?? d.Cron, Utc(stored?.NextExecution), Utc(stored?.LastExecution), stored?.Error);
            })],
            [.. running.Where(r => r.Kind == kind)],
            [.. runs.Where(r => r.Kind == kind).Select(r => r.Run).OrderByDescending(r => r.At).Take(runsPerJob)],
            waiting.GetValueOrDefault(kind))).ToList();
        return new Snapshot(jobs, nodes, (int)monitoring.FailedCount());
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
