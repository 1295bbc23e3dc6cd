using Npgsql;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// What the network console's jobs page shows, read from the clustered job store's tables in one
/// round trip, so that it covers every node: jobs and their triggers, firings executing anywhere
/// (with the progress jobs report), the last runs kept in the execution history, the live nodes.
/// Quartz stores instants and durations as .NET ticks (UTC).
/// </summary>
public sealed class JobsOverview(NpgsqlDataSource dataSource)
{
    /// <summary>The scheduler name (<c>InstanceName</c> in <see cref="JobsSetup"/>).</summary>
    public const string SchedulerName = "rtes";

    public enum Outcome
    {
        Succeeded,
        Failed,
        RetryScheduled,
    }

    public sealed record Job(string Name, string Group, string? Description, IReadOnlyList<Trigger> Triggers, IReadOnlyList<Run> LastRuns);

    /// <summary>A trigger: a cron expression, a repeat interval, or neither (one-off).</summary>
    public sealed record Trigger(string Name, string? Description, string State, string? CronExpression, TimeSpan? RepeatInterval,
        DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime);

    public sealed record Execution(string JobName, string TriggerName, string Node, DateTimeOffset FiredAt, int? Progress, string? ProgressMessage);

    public sealed record Run(string TriggerName, string Node, DateTimeOffset FiredAt, TimeSpan Duration, Outcome Outcome,
        int RetryAttempt, string? Error);

    public sealed record Node(string Name, DateTimeOffset LastCheckin);

    public sealed record Snapshot(IReadOnlyList<Job> Jobs, IReadOnlyList<Execution> Executing, IReadOnlyList<Node> Nodes);

    public async Task<Snapshot> LoadAsync(int runsPerJob, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command("""
            SELECT j.job_name, j.job_group, j.description, t.trigger_name, t.description, t.trigger_state,
                   c.cron_expression, s.repeat_interval, t.next_fire_time, t.prev_fire_time
            FROM qrtz_job_details j
            LEFT JOIN qrtz_triggers t ON t.sched_name = j.sched_name AND t.job_name = j.job_name AND t.job_group = j.job_group
            LEFT JOIN qrtz_cron_triggers c ON c.sched_name = t.sched_name AND c.trigger_name = t.trigger_name AND c.trigger_group = t.trigger_group
            LEFT JOIN qrtz_simple_triggers s ON s.sched_name = t.sched_name AND s.trigger_name = t.trigger_name AND s.trigger_group = t.trigger_group
            WHERE j.sched_name = $1
            ORDER BY j.job_group, j.job_name, t.next_fire_time NULLS LAST, t.trigger_name
            """, SchedulerName));
        batch.BatchCommands.Add(Command("""
            SELECT job_group, job_name, trigger_name, instance_name, fired_time, succeeded, retry_scheduled, retry_attempt, run_time, error_message
            FROM (SELECT h.*, row_number() OVER (PARTITION BY job_group, job_name ORDER BY fired_time DESC) AS n
                  FROM qrtz_execution_history h WHERE sched_name = $1) h
            WHERE n <= $2
            ORDER BY job_group, job_name, fired_time DESC
            """, SchedulerName, runsPerJob));
        batch.BatchCommands.Add(Command("""
            SELECT coalesce(job_name, ''), trigger_name, instance_name, fired_time, progress, progress_message
            FROM qrtz_fired_triggers WHERE sched_name = $1 AND state = 'EXECUTING'
            ORDER BY fired_time
            """, SchedulerName));
        batch.BatchCommands.Add(Command(
            "SELECT instance_name, last_checkin_time FROM qrtz_scheduler_state WHERE sched_name = $1 ORDER BY instance_name",
            SchedulerName));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<(string Name, string Group, string? Description, List<Trigger> Triggers)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (name, group) = (reader.GetString(0), reader.GetString(1));
            if (jobs.Count == 0 || jobs[^1].Name != name || jobs[^1].Group != group)
            {
                jobs.Add((name, group, NullableString(reader, 2), []));
            }

            if (!reader.IsDBNull(3))
            {
                jobs[^1].Triggers.Add(new Trigger(
                    reader.GetString(3), NullableString(reader, 4), reader.GetString(5), NullableString(reader, 6),
                    reader.IsDBNull(7) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(7)),
                    Instant(reader, 8), Instant(reader, 9)));
            }
        }

        await reader.NextResultAsync(cancellationToken);
        var runs = new Dictionary<(string Group, string Name), List<Run>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!runs.TryGetValue(key, out var list))
            {
                runs[key] = list = [];
            }

            var outcome = reader.GetBoolean(5) ? Outcome.Succeeded : reader.GetBoolean(6) ? Outcome.RetryScheduled : Outcome.Failed;
            list.Add(new Run(reader.GetString(2), reader.GetString(3), Instant(reader, 4)!.Value,
                TimeSpan.FromTicks(reader.GetInt64(8)), outcome, reader.GetInt32(7), NullableString(reader, 9)));
        }

        await reader.NextResultAsync(cancellationToken);
        var executing = new List<Execution>();
        while (await reader.ReadAsync(cancellationToken))
        {
            executing.Add(new Execution(reader.GetString(0), reader.GetString(1), reader.GetString(2), Instant(reader, 3)!.Value,
                reader.IsDBNull(4) ? null : reader.GetInt32(4), NullableString(reader, 5)));
        }

        await reader.NextResultAsync(cancellationToken);
        var nodes = new List<Node>();
        while (await reader.ReadAsync(cancellationToken))
        {
            nodes.Add(new Node(reader.GetString(0), Instant(reader, 1)!.Value));
        }

        return new Snapshot(
            [.. jobs.Select(j => new Job(j.Name, j.Group, j.Description, j.Triggers, runs.GetValueOrDefault((j.Group, j.Name)) ?? []))],
            executing, nodes);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static string? NullableString(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>Quartz writes instants as UTC ticks; a trigger without a next firing has none (null or not positive).</summary>
    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int i) =>
        reader.IsDBNull(i) || reader.GetInt64(i) <= 0 ? null : new DateTimeOffset(reader.GetInt64(i), TimeSpan.Zero);
}
