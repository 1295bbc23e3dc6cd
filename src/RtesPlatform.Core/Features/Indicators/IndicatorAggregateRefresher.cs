using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RtesPlatform.Core.Features.Indicators;

public sealed class IndicatorAggregateOptions
{
    public const string SectionName = "Indicators";

    /// <summary>How often each instance drains the queue of stale aggregates (debounce of publications).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether this process runs the refresh loop (off for one-shot commands).</summary>
    public bool RefreshInBackground { get; set; } = true;
}

/// <summary>
/// Keeps the comparison aggregates current. Every write of indicator values queues its (indicator,
/// year) pairs in the database, in the writer's transaction (triggers); this loop drains the queue
/// every <see cref="IndicatorAggregateOptions.RefreshInterval"/>, so a publication shows in the
/// comparisons within seconds, on every instance, and a crash loses nothing queued. Only one
/// instance refreshes at a time (an advisory lock inside the function); the others skip.
/// </summary>
public sealed class IndicatorAggregateRefresher(
    NpgsqlDataSource dataSource, IOptions<IndicatorAggregateOptions> options, ILogger<IndicatorAggregateRefresher> logger)
    : BackgroundService
{
    /// <summary>Refreshes the queued pairs now; returns how many were refreshed (0 when another instance holds the lock).</summary>
    public async Task<int> RefreshPendingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT app.refresh_pending_indicator_aggregates()");
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is int count ? count : 0;
    }

    /// <summary>Recomputes every aggregate (after a bulk load, or nightly).</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var clear = new NpgsqlCommand("SELECT app.refresh_pending_indicator_aggregates()", connection, transaction))
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshInBackground)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var refreshed = await RefreshPendingAsync(stoppingToken);
                if (refreshed > 0)
                {
                    logger.LogInformation("Refreshed comparison aggregates of {Pairs} indicator-year pairs", refreshed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database may be restarting: the queue stays, the next tick retries.
                logger.LogWarning(exception, "Refreshing the comparison aggregates failed; retrying at the next tick");
            }
        }
    }
}
