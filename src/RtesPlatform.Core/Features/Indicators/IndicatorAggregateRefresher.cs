using Npgsql;

namespace RtesPlatform.Core.Features.Indicators;

/// <summary>
/// Keeps the comparison aggregates current. Every write of indicator values queues its (indicator,
/// year) pairs in the database, in the writer's transaction (triggers), so a crash loses nothing
/// queued; the jobs of <c>Features/Jobs</c> drain the queue shortly after a publication, every
/// minute, and recompute everything nightly. Only one caller refreshes at a time (an advisory
/// lock inside the function); the others skip.
/// </summary>
public sealed class IndicatorAggregateRefresher(NpgsqlDataSource dataSource)
{
    /// <summary>Refreshes the queued pairs now; returns how many were refreshed (0 when another instance holds the lock).</summary>
    public async Task<int> RefreshPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT app.refresh_pending_indicator_aggregates()");
        // No command timeout: a large queue (a bulk import, the synthetic network) outruns Npgsql's
        // 30 s; the job's cancellation token still stops it at shutdown.
        command.CommandTimeout = 0;
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is int count ? count : 0;
    }

    /// <summary>Recomputes every aggregate (after a bulk load, or nightly).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Wait for a refresh running elsewhere (the minute sweep on another node) rather than race it.
        await using (var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('rtes.indicator_aggregates'))", connection, transaction)
        {
            CommandTimeout = 0,
        })
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var clear = new NpgsqlCommand("SELECT app.refresh_pending_indicator_aggregates()", connection, transaction)
        {
            CommandTimeout = 0,
        })
        {
            await clear.ExecuteScalarAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT app.refresh_indicator_aggregates(NULL, NULL)", connection, transaction)
        {
            CommandTimeout = 0,
        };
        var result = await command.ExecuteScalarAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result is int count ? count : 0;
    }
}
