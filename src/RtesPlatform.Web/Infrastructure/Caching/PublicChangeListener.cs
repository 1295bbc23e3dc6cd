using Npgsql;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Publication;

namespace RtesPlatform.Web.Infrastructure.Caching;

/// <summary>
/// One per instance: LISTENs on <see cref="PublicChangeChannel"/> over its own connection (not from
/// the pool, so no request ever waits for it) and evicts this instance's output cache on each
/// notification. When the connection is lost (database restart, failover, network), the cache is
/// bypassed (<see cref="PublicCacheState.IsListening"/>), the listener reconnects with exponential
/// back-off, and evicts everything once listening again: notifications sent meanwhile are lost.
/// </summary>
public sealed class PublicChangeListener(
    IConfiguration configuration,
    PublicCacheState state,
    PublicCacheInvalidator invalidator,
    Microsoft.Extensions.Options.IOptions<OutputCachingOptions> options,
    ILogger<PublicChangeListener> logger) : BackgroundService
{
    public const string ApplicationName = "rtes-cache-listener";

    /// <summary>How long the connection may stay silent before a ping checks it is still alive.</summary>
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = ListenerConnectionString();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, failures > 0, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                state.SetListening(false);
                failures++;
                var delay = BackOff(failures);
                logger.LogWarning(exception,
                    "Cache invalidation: lost the database notifications (attempt {Attempt}); public pages are served uncached until listening again in {Delay}",
                    failures, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        state.SetListening(false);
    }

    private async Task ListenAsync(string connectionString, bool reconnecting, Action connected, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var changed = new List<string>();
        connection.Notification += (_, e) =>
        {
            lock (changed)
            {
                changed.Add(e.Payload);
            }
        };
        await connection.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {PublicChangeChannel.Name}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        // Whatever changed while nobody listened (or before this instance started) is unknown.
        await invalidator.EvictAllAsync(reconnecting ? "listening again" : "listening", cancellationToken);
        state.SetListening(true);
        connected();
        if (reconnecting)
        {
            logger.LogInformation("Cache invalidation: listening again to {Channel}; output cache emptied", PublicChangeChannel.Name);
        }
        else
        {
            logger.LogInformation("Cache invalidation: listening to {Channel}", PublicChangeChannel.Name);
        }

        while (true)
        {
            if (!await connection.WaitAsync(PingInterval, cancellationToken))
            {
                // Silent for a while: make sure the connection is still there (a half-open TCP
                // connection would otherwise look quiet forever).
                await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 10 };
                await ping.ExecuteScalarAsync(cancellationToken);
            }

            // Notifications are raised during any wait or command on the connection, the ping included.
            string[] tables;
            lock (changed)
            {
                tables = [.. changed.Distinct(StringComparer.Ordinal)];
                changed.Clear();
            }

            if (tables.Length > 0)
            {
                await invalidator.EvictAllAsync("changed: " + string.Join(", ", tables), cancellationToken);
            }
        }
    }

    private string ListenerConnectionString()
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.AppConnectionName)
            ?? throw new InvalidOperationException($"No connection string ConnectionStrings:{DatabaseOptions.AppConnectionName}.");
        return new NpgsqlConnectionStringBuilder(configured)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            TcpKeepAlive = true,
        }.ConnectionString;
    }

    private TimeSpan BackOff(int failures)
    {
        var max = options.Value.MaxReconnectDelay;
        var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(failures - 1, 16)));
        return delay < max ? delay : max;
    }
}
