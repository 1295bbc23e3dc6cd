using Hangfire.Server;
using Npgsql;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Records each occurrence of the cluster heartbeat in <c>job_heartbeats</c> (scheduled time, node):
/// proof that the cluster runs its recurring jobs, once each. Not exclusive, so that the row count
/// shows the schedule's behaviour and nothing else; no unique constraint, so an occurrence run
/// twice would show. Rows older than 7 days are pruned in the same batch (one implicit
/// transaction: a retry cannot leave a row behind).
/// </summary>
public sealed class HeartbeatJob(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string RecurringId = "cluster-heartbeat";

    public static JobKind Kind { get; } = new()
    {
        Key = "cluster-heartbeat",
        Type = typeof(HeartbeatJob),
        Method = nameof(RunAsync),
        Name = "Pouls des serveurs de tâches",
        Description = "Note chaque passage et le nœud qui l’a fait : la preuve que les tâches planifiées tournent.",
        Retry = JobRetryPolicy.None,
        KeepSucceededFor = TimeSpan.FromHours(1),
    };

    public async Task RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The occurrence's time, in whole seconds, as the recurring scheduler stamped it.
        var scheduled = context?.GetJobParameter<long?>("Time", allowStale: true) is { } time
            ? DateTimeOffset.FromUnixTimeSeconds(time)
            : context?.BackgroundJob.CreatedAt is { } created ? new DateTimeOffset(created, TimeSpan.Zero) : now;
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO job_heartbeats (scheduled_fire_time, fired_at, instance_id) VALUES ($1, $2, $3)");
        insert.Parameters.Add(new NpgsqlParameter { Value = scheduled });
        insert.Parameters.Add(new NpgsqlParameter { Value = now });
        insert.Parameters.Add(new NpgsqlParameter { Value = context?.ServerId ?? Environment.MachineName });
        batch.BatchCommands.Add(insert);
        var prune = new NpgsqlBatchCommand("DELETE FROM job_heartbeats WHERE scheduled_fire_time < $1");
        prune.Parameters.Add(new NpgsqlParameter { Value = scheduled - TimeSpan.FromDays(7) });
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
