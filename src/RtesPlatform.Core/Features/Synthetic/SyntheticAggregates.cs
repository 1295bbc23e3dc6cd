using Npgsql;

namespace RtesPlatform.Core.Features.Synthetic;

/// <summary>
/// Recomputes every comparison aggregate after a bulk load, one indicator per transaction on as
/// many connections as there are cores (one call of <c>app.refresh_indicator_aggregates(NULL,
/// NULL)</c> runs on one core: PostgreSQL does not parallelise an INSERT … SELECT). Each
/// transaction holds the refresh lock in shared mode, so the application's background refresher
/// (which takes it exclusively) skips its turn meanwhile instead of refreshing the same pairs.
/// </summary>
internal static class SyntheticAggregates
{
    private const int FirstYear = 1990;
    private const int LastYear = 2100;

    public static async Task<long> RefreshAllAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        var codes = new Queue<string>();
        await using (var connection = new NpgsqlConnection(ownerConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            // Everything is recomputed below: what was queued is covered.
            await SyntheticNetwork.ExecuteAsync(connection, null, "DELETE FROM indicator_aggregate_queue", cancellationToken);
            await using var command = new NpgsqlCommand("SELECT code FROM indicators ORDER BY sort_order, code", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                codes.Enqueue(reader.GetString(0));
            }
        }

        var workers = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var counts = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(ownerConnectionString, codes, cancellationToken)));
        return counts.Sum();
    }

    private static async Task<long> WorkAsync(string connectionString, Queue<string> codes, CancellationToken cancellationToken)
    {
        long written = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var years = Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToArray();
        while (true)
        {
            string code;
            lock (codes)
            {
                if (!codes.TryDequeue(out code!))
                {
                    return written;
                }
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT pg_advisory_xact_lock_shared(hashtext('rtes.indicator_aggregates'));
                SELECT app.refresh_indicator_aggregates(array_fill(@code::text, ARRAY[cardinality(@years)]), @years);
                """, connection, transaction) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("code", code);
            command.Parameters.AddWithValue("years", years);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                written += reader.GetInt32(0);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
