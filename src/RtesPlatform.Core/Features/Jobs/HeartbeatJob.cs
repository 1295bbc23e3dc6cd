using Npgsql;
using Quartz;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Records each of its firings in <c>job_heartbeats</c> (scheduled time, node): proof that the
/// cluster runs its triggers, once each. Allowed to run concurrently, so that the row count shows
/// the trigger's behaviour and nothing else. Rows older than 7 days are pruned in the same batch.
/// </summary>
public sealed class HeartbeatJob(NpgsqlDataSource dataSource, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // One batch, one implicit transaction: a retry after a failure cannot leave a row behind.
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO job_heartbeats (scheduled_fire_time, fired_at, instance_id) VALUES ($1, $2, $3)");
        insert.Parameters.Add(new NpgsqlParameter { Value = scheduled });
        insert.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        insert.Parameters.Add(new NpgsqlParameter { Value = context.Scheduler.SchedulerInstanceId });
        batch.BatchCommands.Add(insert);
        var prune = new NpgsqlBatchCommand("DELETE FROM job_heartbeats WHERE scheduled_fire_time < $1");
        prune.Parameters.Add(new NpgsqlParameter { Value = scheduled - TimeSpan.FromDays(7) });
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
